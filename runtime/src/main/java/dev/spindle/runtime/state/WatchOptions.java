package dev.spindle.runtime.state;

/**
 * Options of a single-resource watch. By default the first event is the current state ({@code CREATED}, or
 * {@code DESTROYED} without a resource if it does not exist); with {@code tailEvents} the watch instead replays up to
 * that many past events of the resource, and with {@code startFromBookmark} it resumes just after the bookmark.
 */
public record WatchOptions(int tailEvents, Bookmark startFromBookmark) {
  public static final WatchOptions DEFAULT = new WatchOptions(0, null);

  public WatchOptions {
    if (tailEvents < 0) {
      throw new IllegalArgumentException("tailEvents must not be negative");
    }
  }

  public static WatchOptions tail(int events) {
    return new WatchOptions(events, null);
  }

  public static WatchOptions from(Bookmark bookmark) {
    return new WatchOptions(0, bookmark);
  }
}

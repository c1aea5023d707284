package dev.spindle.runtime.state;

import dev.spindle.runtime.resource.ResourceQuery;

/**
 * Options of a kind watch. By default only events after registration are delivered. {@code bootstrapContents} first
 * sends every matching resource as {@code CREATED} (sorted by id) and then {@code BOOTSTRAPPED}; {@code
 * bootstrapBookmark} sends a {@code NOOP} carrying the resume point; {@code tailEvents} replays recent history;
 * {@code startFromBookmark} resumes just after a bookmark. The query filters by labels and id; an update that makes a
 * resource start or stop matching arrives as {@code CREATED} or {@code DESTROYED}.
 */
public record WatchKindOptions(
    ResourceQuery query, boolean bootstrapContents, boolean bootstrapBookmark, int tailEvents,
    Bookmark startFromBookmark) {

  public static final WatchKindOptions DEFAULT = new WatchKindOptions(ResourceQuery.ALL, false, false, 0, null);

  public WatchKindOptions {
    query = query == null ? ResourceQuery.ALL : query;
    if (tailEvents < 0) {
      throw new IllegalArgumentException("tailEvents must not be negative");
    }
  }

  public static WatchKindOptions bootstrap() {
    return DEFAULT.withBootstrapContents();
  }

  public WatchKindOptions withQuery(ResourceQuery q) {
    return new WatchKindOptions(q, bootstrapContents, bootstrapBookmark, tailEvents, startFromBookmark);
  }

  public WatchKindOptions withBootstrapContents() {
    return new WatchKindOptions(query, true, bootstrapBookmark, tailEvents, startFromBookmark);
  }

  public WatchKindOptions withBootstrapBookmark() {
    return new WatchKindOptions(query, bootstrapContents, true, tailEvents, startFromBookmark);
  }

  public WatchKindOptions withTailEvents(int n) {
    return new WatchKindOptions(query, bootstrapContents, bootstrapBookmark, n, startFromBookmark);
  }

  public WatchKindOptions from(Bookmark bookmark) {
    return new WatchKindOptions(query, bootstrapContents, bootstrapBookmark, tailEvents, bookmark);
  }
}

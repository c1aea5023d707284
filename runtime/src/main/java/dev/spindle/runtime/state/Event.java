package dev.spindle.runtime.state;

import dev.spindle.runtime.resource.Resource;
import dev.spindle.runtime.resource.ResourcePointer;
import java.util.Objects;

/**
 * One watch event. {@code pointer} is always set (for {@code BOOTSTRAPPED}/{@code NOOP}/{@code ERRORED} it names
 * the kind with an empty id). {@code resource} is the new state (the last state for {@code DESTROYED}), absent when a
 * watched resource does not exist yet and for marker events; {@code old} is set only on {@code UPDATED}.
 * {@code bookmark} is set on every event that comes from the history.
 */
public record Event(
    EventType type, ResourcePointer pointer, Resource<?> resource, Resource<?> old, String error, Bookmark bookmark) {

  public Event {
    Objects.requireNonNull(type, "type");
    if (pointer == null && resource == null) {
      throw new NullPointerException("an event needs a pointer or a resource");
    }
  }

  // Events of the history carry no pointer of their own: it is derived from the resource when asked for, which keeps
  // the write path to one allocation per event.
  public static Event created(Resource<?> resource, Bookmark bookmark) {
    return new Event(EventType.CREATED, null, resource, null, null, bookmark);
  }

  public static Event updated(Resource<?> resource, Resource<?> old, Bookmark bookmark) {
    return new Event(EventType.UPDATED, null, resource, old, null, bookmark);
  }

  public static Event destroyed(Resource<?> resource, Bookmark bookmark) {
    return new Event(EventType.DESTROYED, null, resource, null, null, bookmark);
  }

  /** The resource the event is about, or the kind (with an empty id) for markers. */
  @Override
  public ResourcePointer pointer() {
    return pointer != null ? pointer : resource.pointer();
  }

  /** The id of {@link #pointer()}, without building the pointer. */
  public String id() {
    return pointer != null ? pointer.id() : resource.metadata().id();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Event e && type == e.type && pointer().equals(e.pointer()) && Objects.equals(resource, e.resource)
        && Objects.equals(old, e.old) && Objects.equals(error, e.error) && Objects.equals(bookmark, e.bookmark);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, pointer(), resource, old, error, bookmark);
  }

  /** The initial event of a single-resource watch when the resource does not exist. */
  public static Event absent(ResourcePointer pointer) {
    return new Event(EventType.DESTROYED, pointer, null, null, null, null);
  }

  public static Event bootstrapped(ResourcePointer kindPointer, Bookmark bookmark) {
    return new Event(EventType.BOOTSTRAPPED, kindPointer, null, null, null, bookmark);
  }

  public static Event noop(ResourcePointer kindPointer, Bookmark bookmark) {
    return new Event(EventType.NOOP, kindPointer, null, null, null, bookmark);
  }

  public static Event errored(ResourcePointer kindPointer, String error) {
    return new Event(EventType.ERRORED, kindPointer, null, null, error, null);
  }

  /** Whether this event is a change to a resource (as opposed to a marker or an error). */
  public boolean isChange() {
    return type == EventType.CREATED || type == EventType.UPDATED || type == EventType.DESTROYED;
  }

  @Override
  public String toString() {
    return type + " " + (resource != null ? resource.metadata() : pointer) + (error != null ? ": " + error : "");
  }
}

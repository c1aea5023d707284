package dev.spindle.runtime.state;

import dev.spindle.runtime.resource.Metadata;
import dev.spindle.runtime.resource.Phase;
import dev.spindle.runtime.resource.Resource;
import dev.spindle.runtime.resource.ResourceKind;
import dev.spindle.runtime.resource.ResourcePointer;
import dev.spindle.runtime.resource.ResourceQuery;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;

/**
 * The resources of one kind and their event history. Writes are serialised by one lock, which also orders the
 * history; reads of single resources are lock-free. Watchers are {@link Cursor cursors} into the history: a write
 * never waits for a watcher, it only wakes the ones that are parked.
 */
final class Collection {
  private static final Comparator<Resource<?>> BY_ID = Comparator.comparing(Resource::id);

  final ResourceKind kind;
  private final long cookie;
  private final InstantSource clock;
  private final HistoryOptions options;
  private final ReentrantLock lock = new ReentrantLock();
  private final ConcurrentHashMap<String, Resource<?>> storage = new ConcurrentHashMap<>();
  private final CopyOnWriteArrayList<Cursor> cursors = new CopyOnWriteArrayList<>();
  private Event[] ring;
  /** Absolute position of the next event; volatile so parked cursors can re-check without the lock. */
  private volatile long writePos;

  Collection(ResourceKind kind, long cookie, InstantSource clock, HistoryOptions options) {
    this.kind = kind;
    this.cookie = cookie;
    this.clock = clock;
    this.options = options;
    this.ring = new Event[options.initialCapacity()];
  }

  int size() {
    return storage.size();
  }

  int watchers() {
    return cursors.size();
  }

  long writePos() {
    return writePos;
  }

  Resource<?> get(String id) {
    return storage.get(id);
  }

  List<Resource<?>> list(ResourceQuery query) {
    var result = new ArrayList<Resource<?>>();
    for (Resource<?> r : storage.values()) {
      if (query.isAll() || query.matches(r.metadata())) {
        result.add(r);
      }
    }
    result.sort(BY_ID);
    return result;
  }

  <S> Resource<S> create(Resource<S> resource, String owner) {
    Metadata md = resource.metadata();
    ResourcePointer pointer = md.pointer();
    if (!md.owner().isEmpty() && !md.owner().equals(owner)) {
      throw new StateException.OwnerConflict(pointer, md.owner(), owner);
    }
    lock.lock();
    try {
      if (storage.containsKey(md.id())) {
        throw new StateException.AlreadyExists(pointer);
      }
      var now = clock.instant();
      Resource<S> stored = resource.withMetadata(md.stored(1, owner, now, now));
      storage.put(md.id(), stored);
      publish(Event.created(stored, bookmark(writePos)));
      return stored;
    } finally {
      lock.unlock();
      signal();
    }
  }

  <S> Resource<S> update(Resource<S> resource, UpdateOptions options) {
    Metadata md = resource.metadata();
    lock.lock();
    try {
      Resource<?> current = storage.get(md.id());
      if (current == null) {
        throw new StateException.NotFound(md.pointer());
      }
      Metadata cur = current.metadata();
      checkOwner(cur, options.owner());
      if (md.version() != cur.version()) {
        throw new StateException.VersionConflict(md.pointer(), md.version(), cur.version());
      }
      if (options.expectedPhase() != null && cur.phase() != options.expectedPhase()) {
        throw new StateException.PhaseConflict(md.pointer(), options.expectedPhase(), cur.phase());
      }
      Resource<S> stored =
          resource.withMetadata(md.stored(cur.version() + 1, cur.owner(), cur.created(), clock.instant()));
      storage.put(md.id(), stored);
      publish(Event.updated(stored, current, bookmark(writePos)));
      return stored;
    } finally {
      lock.unlock();
      signal();
    }
  }

  /** Applies a metadata change atomically, with no owner or version check; a no-op writes nothing. */
  Resource<?> mutate(ResourcePointer pointer, UnaryOperator<Metadata> change) {
    lock.lock();
    try {
      return mutateLocked(existing(pointer), change);
    } finally {
      lock.unlock();
      signal();
    }
  }

  boolean teardown(ResourcePointer pointer, String owner) {
    lock.lock();
    try {
      Resource<?> current = existing(pointer);
      if (current.metadata().phase() != Phase.TEARING_DOWN) {
        checkOwner(current.metadata(), owner);
        current = mutateLocked(current, md -> md.withPhase(Phase.TEARING_DOWN));
      }
      return current.metadata().finalizersEmpty();
    } finally {
      lock.unlock();
      signal();
    }
  }

  void destroy(ResourcePointer pointer, String owner) {
    lock.lock();
    try {
      Resource<?> current = existing(pointer);
      checkOwner(current.metadata(), owner);
      if (!current.metadata().finalizersEmpty()) {
        throw new StateException.PendingFinalizers(pointer, current.metadata().finalizers());
      }
      storage.remove(pointer.id());
      publish(Event.destroyed(current, bookmark(writePos)));
    } finally {
      lock.unlock();
      signal();
    }
  }

  private Resource<?> mutateLocked(Resource<?> current, UnaryOperator<Metadata> change) {
    Metadata changed = change.apply(current.metadata());
    if (changed.sameAs(current.metadata())) {
      return current;
    }
    Metadata cur = current.metadata();
    Resource<?> stored =
        current.withMetadata(changed.stored(cur.version() + 1, cur.owner(), cur.created(), clock.instant()));
    storage.put(cur.id(), stored);
    publish(Event.updated(stored, current, bookmark(writePos)));
    return stored;
  }

  private Resource<?> existing(ResourcePointer pointer) {
    Resource<?> current = storage.get(pointer.id());
    if (current == null) {
      throw new StateException.NotFound(pointer);
    }
    return current;
  }

  private static void checkOwner(Metadata current, String caller) {
    if (!current.owner().equals(caller)) {
      throw new StateException.OwnerConflict(current.pointer(), current.owner(), caller);
    }
  }

  Bookmark bookmark(long position) {
    return Bookmark.at(cookie, position);
  }

  // ---- history ------------------------------------------------------------------------------------------------

  /** Appends an event; called with the lock held. Grows the ring instead of overwriting what a live cursor needs. */
  private void publish(Event event) {
    long pos = writePos;
    int capacity = ring.length;
    if (pos >= capacity && capacity < options.maxCapacity() && slowestCursor() <= pos - capacity) {
      grow(Math.min(capacity * 2, options.maxCapacity()));
    }
    ring[(int) (pos % ring.length)] = event;
    writePos = pos + 1;
  }

  private long slowestCursor() {
    long min = Long.MAX_VALUE;
    for (Cursor c : cursors) {
      min = Math.min(min, c.position());
    }
    return min;
  }

  private void grow(int newCapacity) {
    Event[] bigger = new Event[newCapacity];
    long from = Math.max(0, writePos - ring.length);
    for (long p = from; p < writePos; p++) {
      bigger[(int) (p % newCapacity)] = ring[(int) (p % ring.length)];
    }
    ring = bigger;
  }

  private void signal() {
    for (Cursor c : cursors) {
      c.wake();
    }
  }

  int capacity() {
    lock.lock();
    try {
      return ring.length;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Copies the events from {@code cursor.position()} to the head into {@code into}, or reports an overrun. Returns
   * the new position, or -1 if the cursor fell out of the history.
   */
  long copySince(long from, List<Event> into) {
    lock.lock();
    try {
      long head = writePos;
      if (head - from > ring.length) {
        return -1;
      }
      for (long p = from; p < head; p++) {
        into.add(ring[(int) (p % ring.length)]);
      }
      return head;
    } finally {
      lock.unlock();
    }
  }

  String overrunMessage(long pos) {
    lock.lock();
    try {
      return "buffer overrun: namespace \"" + kind.namespace() + "\" type \"" + kind.type() + "\", write pos "
          + writePos + ", pos " + pos + ", capacity " + ring.length
          + ": the watcher fell behind by more events than the history keeps";
    } finally {
      lock.unlock();
    }
  }

  // ---- watch registration -------------------------------------------------------------------------------------

  Cursor watch(ResourcePointer pointer, WatchOptions opts) {
    if (opts.tailEvents() > 0 && opts.startFromBookmark() != null) {
      throw new StateException.InvalidRequest(pointer, "cannot use both tailEvents and startFromBookmark");
    }
    lock.lock();
    try {
      var initial = new ArrayList<Event>(1);
      long start;
      if (opts.startFromBookmark() != null) {
        start = validBookmark(opts.startFromBookmark(), false) + 1;
      } else if (opts.tailEvents() > 0) {
        start = tailStart(pointer.id(), opts.tailEvents());
      } else {
        Resource<?> current = storage.get(pointer.id());
        initial.add(current != null ? Event.created(current, null) : Event.absent(pointer));
        start = writePos;
      }
      return register(new Cursor(this, pointer.id(), ResourceQuery.ALL, start, initial));
    } finally {
      lock.unlock();
    }
  }

  Cursor watchKind(WatchKindOptions opts) {
    ResourcePointer kindPointer = kind.pointer("");
    boolean replay = opts.tailEvents() > 0 || opts.startFromBookmark() != null;
    if (opts.bootstrapContents() && replay) {
      throw new StateException.InvalidRequest(kindPointer,
          "cannot use bootstrapContents with tailEvents or startFromBookmark");
    }
    if (opts.tailEvents() > 0 && opts.startFromBookmark() != null) {
      throw new StateException.InvalidRequest(kindPointer, "cannot use both tailEvents and startFromBookmark");
    }
    lock.lock();
    try {
      var initial = new ArrayList<Event>();
      long start = writePos;
      if (opts.startFromBookmark() != null) {
        start = validBookmark(opts.startFromBookmark(), true) + 1;
      } else if (opts.tailEvents() > 0) {
        long n = Math.min(opts.tailEvents(), Math.max(ring.length - options.gap(), 0));
        start = Math.max(writePos - n, 0);
      }
      if (opts.bootstrapContents()) {
        for (Resource<?> r : list(opts.query())) {
          initial.add(Event.created(r, null));
        }
        initial.add(Event.bootstrapped(kindPointer, bookmark(start - 1)));
      }
      if (opts.bootstrapBookmark()) {
        initial.add(Event.noop(kindPointer, bookmark(start - 1)));
      }
      return register(new Cursor(this, null, opts.query(), start, initial));
    } finally {
      lock.unlock();
    }
  }

  private long tailStart(String id, int events) {
    long lowest = Math.max(writePos - ring.length + options.gap(), 0);
    long start = writePos;
    int found = 0;
    for (long p = writePos - 1; p >= lowest && found < events; p--) {
      if (ring[(int) (p % ring.length)].id().equals(id)) {
        found++;
        start = p;
      }
    }
    return start;
  }

  private long validBookmark(Bookmark bookmark, boolean allowBeforeFirst) {
    if (!bookmark.wellFormed()) {
      throw new StateException.InvalidBookmark(kind, "a bookmark is " + Bookmark.LENGTH + " bytes");
    }
    if (bookmark.cookie() != cookie) {
      throw new StateException.InvalidBookmark(kind, "it was issued by another store instance");
    }
    long p = bookmark.position();
    long oldest = writePos - ring.length + options.gap();
    if (p < (allowBeforeFirst ? -1 : 0) || p >= writePos || p < oldest) {
      throw new StateException.InvalidBookmark(kind, "position " + p + " is outside the history [" + Math.max(oldest, 0)
          + ", " + writePos + ")");
    }
    return p;
  }

  private Cursor register(Cursor cursor) {
    cursors.add(cursor);
    return cursor;
  }

  void unregister(Cursor cursor) {
    cursors.remove(cursor);
  }

  void closeAll() {
    for (Cursor c : cursors) {
      c.close();
    }
  }

  static void wake(Thread thread) {
    LockSupport.unpark(thread);
  }
}

package dev.spindle.api;

import dev.spindle.api.cosi.Spec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The wire form of recently sent specs, keyed by spec value. A spec is encoded (protobuf and YAML) once and then
 * shared by every List, Get and watch stream that sends it: with many watchers of one kind, each change is encoded
 * once instead of once per stream. Equal specs have equal encodings, so keying by value is exact; the cache is a
 * bounded LRU, so memory stays capped however many resources are read.
 */
final class SpecWireCache {
  private final int capacity;
  private final LinkedHashMap<Object, Spec> entries;

  SpecWireCache(int capacity) {
    this.capacity = capacity;
    this.entries = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Object, Spec> eldest) {
        return size() > SpecWireCache.this.capacity;
      }
    };
  }

  Spec get(Object spec, Function<Object, Spec> encode) {
    if (capacity == 0) {
      return encode.apply(spec);
    }
    synchronized (entries) {
      Spec cached = entries.get(spec);
      if (cached != null) {
        return cached;
      }
    }
    Spec encoded = encode.apply(spec); // outside the lock: encoding is the slow part
    synchronized (entries) {
      entries.put(spec, encoded);
    }
    return encoded;
  }

  int size() {
    synchronized (entries) {
      return entries.size();
    }
  }
}

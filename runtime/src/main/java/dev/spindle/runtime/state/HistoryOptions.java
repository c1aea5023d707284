package dev.spindle.runtime.state;

/**
 * Sizing of each collection's event history. The history starts at {@code initialCapacity} and doubles, up to
 * {@code maxCapacity}, only while a live watcher would otherwise lose events; a watcher that falls further behind
 * than {@code maxCapacity} gets {@code ERRORED}. Replays ({@code tailEvents}, bookmarks) may start at most
 * {@code capacity - gap} events back, so a replay that just started is not overrun at once; an idle collection
 * therefore always offers {@code initialCapacity - gap} events of replay and never holds more old events than that.
 */
public record HistoryOptions(int initialCapacity, int maxCapacity, int gap) {
  public static final HistoryOptions DEFAULT = new HistoryOptions(128, 16_384, 5);

  public HistoryOptions {
    if (initialCapacity < 1 || maxCapacity < 1) {
      throw new IllegalArgumentException("history capacities must be positive");
    }
    initialCapacity = Math.min(initialCapacity, maxCapacity);
    if (gap < 0 || gap >= maxCapacity) {
      throw new IllegalArgumentException("history gap must be in [0, maxCapacity)");
    }
  }
}

package dev.spindle.runtime.state;

/**
 * The conformance suite against an in-memory store with COSI's smallest test history (initial 4, max 32, gap 1), so
 * that every watch test runs across history growth and ring wrap-around.
 */
class InMemoryStateSmallHistoryConformanceTest extends InMemoryStateConformanceTest {
  static final HistoryOptions HISTORY = new HistoryOptions(4, 32, 1);

  @Override
  protected State newState() {
    return new InMemoryState(HISTORY);
  }

  @Override
  protected int historyLimit() {
    return HISTORY.maxCapacity();
  }
}

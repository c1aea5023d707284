package dev.spindle.runtime.state;

/** The conformance suite against an in-memory store with COSI's other test history (initial 8, max 1024, gap 2). */
class InMemoryStateMediumHistoryConformanceTest extends InMemoryStateConformanceTest {
  static final HistoryOptions HISTORY = new HistoryOptions(8, 1024, 2);

  @Override
  protected State newState() {
    return new InMemoryState(HISTORY);
  }

  @Override
  protected int historyLimit() {
    return HISTORY.maxCapacity();
  }
}

package dev.spindle.runtime.resource;

/** Lifecycle phase of a resource; the wire and YAML strings are COSI's. */
public enum Phase {
  RUNNING("running"),
  TEARING_DOWN("tearingDown");

  private final String text;

  Phase(String text) {
    this.text = text;
  }

  public String text() {
    return text;
  }

  public static Phase parse(String text) {
    for (Phase p : values()) {
      if (p.text.equals(text)) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown phase \"" + text + "\" (expected running or tearingDown)");
  }

  @Override
  public String toString() {
    return text;
  }
}

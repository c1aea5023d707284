package dev.spindle.runtime.resource;

/** Whether a resource holds secrets; sensitive specs are shown only to admins. */
public enum Sensitivity {
  NON_SENSITIVE(""),
  SENSITIVE("sensitive");

  private final String text;

  Sensitivity(String text) {
    this.text = text;
  }

  /** The COSI YAML form: empty for non-sensitive, {@code sensitive} otherwise. */
  public String text() {
    return text;
  }
}

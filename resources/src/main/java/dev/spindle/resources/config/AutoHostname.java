package dev.spindle.resources.config;

/** {@code HostnameConfig.auto}: how a hostname is made up when none is configured. */
public enum AutoHostname {
  /** No automatic hostname. */
  OFF("off"),
  /** {@code talos-xxx-yyy}, derived from the node identity, so it survives address changes. */
  STABLE("stable");

  private final String text;

  AutoHostname(String text) {
    this.text = text;
  }

  public String text() {
    return text;
  }
}

package dev.spindle.resources.config;

import java.util.Locale;

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

  /**
   * The mode named {@code text} in any letter case, as Talos's enumer parser (exact, then lower-cased), so
   * {@code Stable} is {@link #STABLE}; null for a name that is not a mode.
   */
  public static AutoHostname parse(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    for (AutoHostname mode : values()) {
      if (mode.text.equals(text) || mode.text.equals(lower)) {
        return mode;
      }
    }
    return null;
  }
}

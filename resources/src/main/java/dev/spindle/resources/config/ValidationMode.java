package dev.spindle.resources.config;

import java.util.Locale;

/**
 * Talos's runtime mode, for {@code validate --mode}: only {@code metal} installs to a disk, so only there does a
 * present {@code machine.install} have to name one.
 */
public enum ValidationMode {
  METAL,
  CLOUD,
  CONTAINER;

  public boolean requiresInstall() {
    return this == METAL;
  }

  /** The lower-case name talosctl uses. */
  public String text() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ValidationMode parse(String text) {
    for (ValidationMode mode : values()) {
      if (mode.text().equals(text)) {
        return mode;
      }
    }
    throw new IllegalArgumentException("unknown mode \"" + text + "\" (metal, cloud or container)");
  }
}

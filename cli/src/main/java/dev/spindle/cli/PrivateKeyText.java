package dev.spindle.cli;

import dev.spindle.platform.wireguard.WireguardKey;

/**
 * A WireGuard private key as a user hands one over ({@code wg genkey}'s line): 44 characters of standard base64 of
 * 32 bytes, optionally followed by white space (the line break). Errors name the source and the problem, never the
 * text: it is a secret.
 */
final class PrivateKeyText {
  private PrivateKeyText() {}

  static WireguardKey parse(String text, String source) {
    String key = text.stripTrailing();
    if (key.isEmpty()) {
      throw new CliException(ExitStatus.ERROR, "no private key on " + source);
    }
    if (key.length() != 44 || !key.endsWith("=") || key.endsWith("==")) {
      throw new CliException(ExitStatus.ERROR, "the private key on " + source + " is not a WireGuard key: want 44 "
          + "characters of base64 (32 bytes), got " + (key.length() > 100 ? "more than 100" : key.length())
          + " characters");
    }
    try {
      return WireguardKey.parse(key);
    } catch (IllegalArgumentException e) {
      // not e's message: the JDK's names the offending character, a piece of the secret
      throw new CliException(ExitStatus.ERROR, "the private key on " + source + " is not a WireGuard key: not "
          + "standard base64");
    }
  }
}

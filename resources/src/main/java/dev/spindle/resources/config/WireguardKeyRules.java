package dev.spindle.resources.config;

/**
 * Talos's two checks of a WireGuard key (standard base64 of exactly 32 bytes), each with its own wording: the
 * {@code WireguardConfig} document's {@code validateWireguardKey} and the v1alpha1 {@code checkWireguard}'s
 * {@code checkKey}. Neither returns the key: the caller shows it as the problem's value, or redacts it.
 */
final class WireguardKeyRules {
  private WireguardKeyRules() {}

  /** Null for a valid key, else Go's base64 error or {@code invalid wireguard key length}. */
  static String documentProblem(String key) {
    try {
      return GoBase64.decodedLength(key) == 32 ? null : "invalid wireguard key length";
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  /**
   * Null for a valid key, else Go's base64 error or {@code wrong key length: N} (Talos also quotes the key, which the
   * problem's value shows here).
   */
  static String legacyProblem(String key) {
    try {
      int length = GoBase64.decodedLength(key);
      return length == 32 ? null : "wrong key length: " + length;
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }
}

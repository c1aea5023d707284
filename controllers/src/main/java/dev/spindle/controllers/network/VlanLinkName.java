package dev.spindle.controllers.network;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Talos's {@code nethelpers.VLANLinkName}: {@code <base>.<vid>} when it fits the kernel's 15-byte name limit, else
 * the first 4 bytes of the base, hex of its SHA-256 (as many bytes as fit), then {@code .<vid>}, so two long bases
 * never give the same name.
 */
final class VlanLinkName {
  private static final int MAX_LINK_NAME = 15;

  private VlanLinkName() {}

  static String of(String base, int vlanId) {
    byte[] bytes = base.getBytes(StandardCharsets.UTF_8);
    if (bytes.length + 5 <= MAX_LINK_NAME) {
      return base + "." + vlanId;
    }
    String prefix = new String(bytes, 0, 4, StandardCharsets.UTF_8);
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
      int n = (MAX_LINK_NAME - 4 - 5) / 2;
      return prefix + HexFormat.of().formatHex(hash, 0, n) + "." + vlanId;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}

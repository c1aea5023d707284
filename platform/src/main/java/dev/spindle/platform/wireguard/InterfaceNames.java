package dev.spindle.platform.wireguard;

import java.nio.charset.StandardCharsets;

/**
 * The kernel's rule for link names ({@code dev_valid_name}): 1 to 15 bytes, not {@code .} or {@code ..}, no
 * {@code /}, {@code :} or whitespace. A WireGuard device is a link, so its name follows it; the userspace adapter
 * also relies on it, since the name becomes a file name in the socket directory.
 */
final class InterfaceNames {
  static final int IFNAMSIZ = 16;

  private InterfaceNames() {}

  static boolean valid(String name) {
    if (name == null || name.isEmpty() || name.equals(".") || name.equals("..")
        || name.getBytes(StandardCharsets.UTF_8).length >= IFNAMSIZ) {
      return false;
    }
    return name.codePoints().noneMatch(c -> c == '/' || c == ':' || Character.isWhitespace(c) || c == 0);
  }
}

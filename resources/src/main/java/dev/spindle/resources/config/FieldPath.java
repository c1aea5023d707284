package dev.spindle.resources.config;

import dev.spindle.resources.GoQuote;
import java.util.regex.Pattern;

/** Talos-style field paths: {@code machine.network.interfaces[1].addresses[0]}, map entries {@code env.HTTP_PROXY}. */
final class FieldPath {
  private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

  private FieldPath() {}

  static String field(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  static String index(String path, int index) {
    return path + "[" + index + "]";
  }

  /** A free-form map key: dotted when it reads as a name, else quoted in brackets ({@code sysctls["net.ipv4.x"]}). */
  static String key(String path, String key) {
    return PLAIN_KEY.matcher(key).matches() ? field(path, key) : path + "[" + GoQuote.quote(key) + "]";
  }
}

package dev.spindle.resources.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A kernel command line split into arguments as the kernel and Talos's procfs parser split it: on blanks outside
 * double quotes, each argument into a key and a value at its first {@code =}, so
 * {@code talos.environment=foo=bar} is the key {@code talos.environment} with the value {@code foo=bar}. A key may
 * repeat; every value is kept, in order. An argument without {@code =} has the value {@code null}.
 */
public final class KernelArgs {
  private final Map<String, List<String>> values;

  private KernelArgs(Map<String, List<String>> values) {
    this.values = values;
  }

  public static KernelArgs parse(String cmdline) {
    var values = new LinkedHashMap<String, List<String>>();
    for (String arg : split(cmdline)) {
      int eq = arg.indexOf('=');
      String key = eq < 0 ? arg : arg.substring(0, eq);
      String value = eq < 0 ? null : unquote(arg.substring(eq + 1));
      values.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }
    values.replaceAll((k, v) -> java.util.Collections.unmodifiableList(v));
    return new KernelArgs(java.util.Collections.unmodifiableMap(values));
  }

  /** Every value of {@code key}, in command-line order; empty when the key is absent. */
  public List<String> all(String key) {
    return values.getOrDefault(key, List.of());
  }

  /** The first value of {@code key}, as Talos's {@code Get(key).First()}; empty when absent or without a value. */
  public Optional<String> first(String key) {
    return all(key).isEmpty() ? Optional.empty() : Optional.ofNullable(all(key).get(0));
  }

  public boolean has(String key) {
    return values.containsKey(key);
  }

  /** The keys in order of first appearance. */
  public List<String> keys() {
    return List.copyOf(values.keySet());
  }

  private static List<String> split(String cmdline) {
    var args = new ArrayList<String>();
    var current = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < cmdline.length(); i++) {
      char c = cmdline.charAt(i);
      if (c == '"') {
        quoted = !quoted;
        current.append(c);
      } else if (!quoted && Character.isWhitespace(c)) {
        if (!current.isEmpty()) {
          args.add(current.toString());
          current.setLength(0);
        }
      } else {
        current.append(c);
      }
    }
    if (!current.isEmpty()) {
      args.add(current.toString());
    }
    return args;
  }

  /** The kernel strips one pair of quotes around a value: {@code key="a b"} has the value {@code a b}. */
  private static String unquote(String value) {
    if (value.length() >= 2 && value.charAt(0) == '"' && value.charAt(value.length() - 1) == '"') {
      return value.substring(1, value.length() - 1);
    }
    return value.replace("\"", "");
  }
}

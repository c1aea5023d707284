package dev.spindle.controllers.runtime;

import dev.spindle.resources.GoQuote;
import dev.spindle.resources.config.EnvironmentConfig;
import dev.spindle.resources.config.MachineConfig;
import dev.spindle.resources.runtime.KernelArgs;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The environment variables the node's sources ask for, as Talos's {@code internal/pkg/environment} reads them:
 * every {@code talos.environment=NAME=value} kernel argument in command-line order, then {@code machine.env}, then
 * each {@code EnvironmentConfig} document's {@code variables}. Pure functions over plain values.
 *
 * <p>Talos hands the concatenated list to {@code setenv} in order, so for each name the last entry wins. Spindle
 * folds each layer the same way ({@link Layer#variables}) and leaves the cross-layer part to the merge, which gives
 * the same winner because the configuration layer is above the command line.
 *
 * <p>Unlike Talos, entries whose name is outside {@code [A-Za-z_][A-Za-z0-9_]*} (the rule Talos applies to
 * {@code EnvironmentConfig}) are dropped and reported instead of passed on, and so is a command-line value without
 * {@code =}. The parser accepts any {@code machine.env} name, as Talos does, so this is where such a name (say
 * {@code http.proxy}) is refused: the controller logs one warning naming it, never its value.
 */
public final class EnvironmentSources {
  public static final String KERNEL_PARAM = "talos.environment";
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private EnvironmentSources() {}

  /** One layer's variables (last value per name, in order of first appearance) and what was dropped and why. */
  public record Layer(Map<String, String> variables, List<String> dropped) {
    public Layer {
      variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
      dropped = List.copyOf(dropped);
    }
  }

  /**
   * Talos's {@code GetCmdline} list extended with {@code EnvironmentConfig}: every source's {@code NAME=value} in
   * order, repeats kept. It is what Talos would pass to {@code setenv}; the layers and the merge reproduce its winners.
   */
  public static List<String> concatenated(String cmdline, MachineConfig config) {
    var out = new ArrayList<String>();
    for (String value : KernelArgs.parse(cmdline).all(KERNEL_PARAM)) {
      if (value != null) {
        out.add(value);
      }
    }
    if (config != null) {
      config.v1alpha1().ifPresent(v1 -> v1.machine().env().forEach((k, v) -> out.add(k + "=" + v)));
      for (EnvironmentConfig doc : config.documents(EnvironmentConfig.class)) {
        doc.variables().forEach((k, v) -> out.add(k + "=" + v));
      }
    }
    return out;
  }

  /** The {@code cmdline} layer. Dropped entries are described without their values, which may hold credentials. */
  public static Layer cmdline(String cmdline) {
    var variables = new LinkedHashMap<String, String>();
    var dropped = new ArrayList<String>();
    List<String> values = KernelArgs.parse(cmdline).all(KERNEL_PARAM);
    for (int i = 0; i < values.size(); i++) {
      String entry = values.get(i);
      int eq = entry == null ? -1 : entry.indexOf('=');
      if (eq < 0) {
        dropped.add(KERNEL_PARAM + " #" + (i + 1) + ": no \"=\" between a name and a value");
      } else if (!NAME.matcher(entry.substring(0, eq)).matches()) {
        dropped.add(KERNEL_PARAM + " #" + (i + 1) + ": invalid environment variable name: "
            + GoQuote.quote(entry.substring(0, eq)));
      } else {
        variables.put(entry.substring(0, eq), entry.substring(eq + 1));
      }
    }
    return new Layer(variables, dropped);
  }

  /** The {@code configuration} layer: {@code machine.env}, then the {@code EnvironmentConfig} documents in order. */
  public static Layer configuration(MachineConfig config) {
    var variables = new LinkedHashMap<String, String>();
    var dropped = new ArrayList<String>();
    if (config != null) {
      config.v1alpha1().ifPresent(v1 -> put(v1.machine().env(), "machine.env", variables, dropped));
      List<EnvironmentConfig> docs = config.documents(EnvironmentConfig.class);
      for (int i = 0; i < docs.size(); i++) {
        put(docs.get(i).variables(), EnvironmentConfig.KIND + (docs.size() > 1 ? " #" + (i + 1) : "") + ".variables",
            variables, dropped);
      }
    }
    return new Layer(variables, dropped);
  }

  private static void put(Map<String, String> from, String where, Map<String, String> into, List<String> dropped) {
    from.forEach((name, value) -> {
      if (!NAME.matcher(name).matches()) {
        dropped.add(where + ": invalid environment variable name: " + GoQuote.quote(name));
      } else {
        into.put(name, value);
      }
    });
  }
}

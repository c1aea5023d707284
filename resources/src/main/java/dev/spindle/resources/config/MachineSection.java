package dev.spindle.resources.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of the v1alpha1 {@code machine} section Spindle reads. {@code env} keeps document order; {@code time}
 * is null when absent; {@code stableHostname} is {@code machine.features.stableHostname}.
 */
public record MachineSection(String type, Map<String, String> env, List<MachineFile> files, TimeSection time,
    NetworkSection network, boolean stableHostname) {
  public static final MachineSection EMPTY =
      new MachineSection("", Map.of(), List.of(), null, NetworkSection.EMPTY, false);

  public MachineSection {
    type = type == null ? "" : type;
    env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
    files = List.copyOf(files);
    network = network == null ? NetworkSection.EMPTY : network;
  }

  /** Names and counts only: {@code env} values may hold proxy credentials, file contents may hold anything. */
  @Override
  public String toString() {
    return "MachineSection[type=" + type + ", env=" + env.keySet() + ", files="
        + files.stream().map(f -> f.path() + " (" + f.op() + ")").toList() + ", time=" + time + ", network=" + network
        + ", stableHostname=" + stableHostname + "]";
  }
}

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
}

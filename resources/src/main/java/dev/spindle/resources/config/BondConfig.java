package dev.spindle.resources.config;

import dev.spindle.resources.network.BondMasterSpec;
import dev.spindle.resources.network.HardwareAddr;
import java.util.List;

/**
 * The {@code BondConfig} document: a bond {@code name} over {@code links} (names or aliases). {@code settings} holds
 * the bond fields as given, each unset one at its zero value (Talos's {@code ValueOrZero}), {@code primary} still
 * unresolved; the config stage fills the kernel's defaults. {@code useCarrier} is not kept: Talos always sets it.
 */
public record BondConfig(String name, HardwareAddr hardwareAddr, List<String> links, BondMasterSpec settings,
    CommonLinkConfig common) implements LinkDocument {
  public static final String KIND = "BondConfig";

  public BondConfig {
    hardwareAddr = hardwareAddr == null ? HardwareAddr.EMPTY : hardwareAddr;
    links = links == null ? List.of() : List.copyOf(links);
  }

  @Override
  public String kind() {
    return KIND;
  }
}

package dev.spindle.resources.config;

import dev.spindle.resources.network.HardwareAddr;
import java.util.List;

/**
 * The {@code BridgeConfig} document: a bridge {@code name} over {@code links} (names or aliases), with
 * {@code stp.enabled} and {@code vlan.filtering} (null when unset: off).
 */
public record BridgeConfig(String name, HardwareAddr hardwareAddr, List<String> links, Boolean stpEnabled,
    Boolean vlanFiltering, CommonLinkConfig common) implements LinkDocument {
  public static final String KIND = "BridgeConfig";

  public BridgeConfig {
    hardwareAddr = hardwareAddr == null ? HardwareAddr.EMPTY : hardwareAddr;
    links = links == null ? List.of() : List.copyOf(links);
  }

  @Override
  public String kind() {
    return KIND;
  }
}

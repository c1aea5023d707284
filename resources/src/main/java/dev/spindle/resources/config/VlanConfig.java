package dev.spindle.resources.config;

import dev.spindle.resources.network.VlanProtocol;

/**
 * The {@code VLANConfig} document: a VLAN link {@code name} with tag {@code vlanID} on the {@code parent} link (a
 * name or alias). {@code vlanMode} is null when unset (802.1q).
 */
public record VlanConfig(String name, int vlanId, VlanProtocol vlanMode, String parent, CommonLinkConfig common)
    implements LinkDocument {
  public static final String KIND = "VLANConfig";

  public VlanConfig {
    parent = parent == null ? "" : parent;
  }

  public VlanProtocol modeOrDefault() {
    return vlanMode == null ? VlanProtocol.IEEE_802_1Q : vlanMode;
  }

  @Override
  public String kind() {
    return KIND;
  }
}

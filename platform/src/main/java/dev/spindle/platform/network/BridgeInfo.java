package dev.spindle.platform.network;

/**
 * A bridge's {@code IFLA_BR_*} settings that Talos's {@code BridgeMasterSpec} shows and sets.
 *
 * @param stpState IFLA_BR_STP_STATE: 0 off, 1 kernel STP (2, user STP, is what the kernel may report when a daemon
 *     runs it)
 * @param vlanFiltering IFLA_BR_VLAN_FILTERING
 */
public record BridgeInfo(int stpState, boolean vlanFiltering) implements LinkInfo {
  @Override
  public String kind() {
    return "bridge";
  }
}

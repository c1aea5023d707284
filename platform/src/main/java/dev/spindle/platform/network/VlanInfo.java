package dev.spindle.platform.network;

/**
 * An 802.1Q / 802.1ad VLAN link (IFLA_VLAN_*); its lower link is {@link LinkRequest#parentIndex()} /
 * {@link LinkMessage#parentIndex()} (IFLA_LINK).
 *
 * @param id IFLA_VLAN_ID, 1..4094
 * @param protocol IFLA_VLAN_PROTOCOL, an ethertype: {@link #P_8021Q} or {@link #P_8021AD}
 */
public record VlanInfo(int id, int protocol) implements LinkInfo {
  public static final int P_8021Q = 0x8100;
  public static final int P_8021AD = 0x88A8;

  public static VlanInfo of(int id) {
    return new VlanInfo(id, P_8021Q);
  }

  @Override
  public String kind() {
    return "vlan";
  }

  @Override
  public String module() {
    return "8021q";
  }
}

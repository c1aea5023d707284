package dev.spindle.platform.network;

/**
 * The kind-specific part of a link ({@code IFLA_LINKINFO}: {@code IFLA_INFO_KIND} and {@code IFLA_INFO_DATA}), in the
 * kernel's numbers. In a {@link LinkRequest} it says what to create; in a {@link LinkMessage} it is what the kernel
 * reported. Kinds whose kernel driver reports no {@code IFLA_INFO_DATA} ({@code veth}, {@code dummy},
 * {@code wireguard}) are never decoded: their links carry no info, only {@link LinkMessage#kind()}.
 */
public sealed interface LinkInfo
    permits VethInfo, BridgeInfo, MacvlanInfo, VxlanInfo, VlanInfo, BondInfo, VrfInfo, DummyInfo, WireguardInfo {
  /** {@code IFLA_INFO_KIND}: the driver's name, as {@code ip link add ... type <kind>} takes it. */
  String kind();

  /** The kernel module that provides the kind, for messages that say why a kind is missing. */
  default String module() {
    return kind();
  }
}

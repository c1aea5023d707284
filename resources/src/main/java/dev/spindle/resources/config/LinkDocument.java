package dev.spindle.resources.config;

import dev.spindle.resources.network.HardwareAddr;

/**
 * A multi-document kind that configures one link by name (Talos's {@code NetworkCommonLinkConfig}): the physical
 * {@link LinkConfig} and the logical {@link BondConfig}, {@link BridgeConfig}, {@link VlanConfig},
 * {@link DummyLinkConfig} and {@link WireguardConfig}. Any one of them turns off Talos's default of bringing every
 * physical link up (its "default DHCP operators" mode), and two of them may not name the same link.
 */
public sealed interface LinkDocument extends ConfigDocument
    permits LinkConfig, BondConfig, BridgeConfig, VlanConfig, DummyLinkConfig, WireguardConfig {
  /** {@code name}: the link (interface) the document configures or creates. */
  String name();

  /** {@code up}, {@code mtu}, {@code addresses}, {@code routes}, {@code multicast}. */
  CommonLinkConfig common();

  /** {@code hardwareAddr} for the kinds that have it, else empty. */
  default HardwareAddr hardwareAddr() {
    return HardwareAddr.EMPTY;
  }
}

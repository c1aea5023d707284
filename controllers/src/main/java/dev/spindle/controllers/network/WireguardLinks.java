package dev.spindle.controllers.network;

import dev.spindle.platform.network.Errno;
import dev.spindle.platform.network.LinkMessage;
import dev.spindle.platform.wireguard.WireGuard;
import dev.spindle.platform.wireguard.WireguardDevice;
import dev.spindle.platform.wireguard.WireguardException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which links are WireGuard devices. A kernel device is a link of kind {@code wireguard}; a userspace one
 * ({@code wireguard-go}) is a {@code tun} link, which is a WireGuard device only if the {@link WireGuard} port has a
 * device of that name — a plain tun link of the same kind is not one.
 */
final class WireguardLinks {
  private final WireGuard wireguard;
  private Set<String> devices;

  WireguardLinks(WireGuard wireguard) {
    this.wireguard = wireguard;
  }

  /** True if the link named {@code name}, of kind {@code kind}, is a WireGuard device (the port asked at most once). */
  boolean isDevice(String kind, String name) {
    if ("wireguard".equals(kind)) {
      return true;
    }
    if (!kind.equals(wireguard.linkKind())) {
      return false;
    }
    if (devices == null) {
      try {
        devices = Set.copyOf(wireguard.devices());
      } catch (WireguardException e) {
        devices = Set.of();
      }
    }
    return devices.contains(name);
  }

  /**
   * The device behind a link that may be one, read: empty if the link is not a WireGuard device (another kind, or a
   * tun link the port has no device for). Where the device is read anyway, this saves asking for the device list.
   *
   * @throws WireguardException a WireGuard link the port cannot read
   */
  static Optional<WireguardDevice> read(WireGuard wireguard, String kind, String name) throws WireguardException {
    boolean kernel = "wireguard".equals(kind);
    if (!kernel && !kind.equals(wireguard.linkKind())) {
      return Optional.empty();
    }
    try {
      return Optional.of(wireguard.device(name));
    } catch (WireguardException e) {
      if (!kernel && e.errno() == Errno.ENODEV) {
        return Optional.empty(); // someone else's tun link
      }
      throw e;
    }
  }

  /** The kernel's links with every userspace WireGuard device shown as kind {@code wireguard}, as specs name it. */
  List<LinkMessage> normalise(List<LinkMessage> links) {
    return links.stream().map(l -> !"wireguard".equals(l.kind()) && isDevice(l.kind(), l.name())
        ? l.toBuilder().kind("wireguard").build() : l).toList();
  }
}

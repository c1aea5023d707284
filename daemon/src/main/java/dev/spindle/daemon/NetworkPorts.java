package dev.spindle.daemon;

import dev.spindle.platform.network.Ethtool;
import dev.spindle.platform.network.Rtnetlink;
import dev.spindle.platform.sysfs.Sysfs;
import dev.spindle.platform.wireguard.WireGuard;

/**
 * The network ports of one node, made together so that the fakes of the simulated node share one fake kernel (a
 * WireGuard device the fake WireGuard creates is a link the fake rtnetlink lists, and ethtool answers for its links).
 * Closed when the daemon stops: that stops the {@code wireguard-go} processes userspace WireGuard started (their links
 * go with them), so a stopped daemon leaves no process behind.
 */
record NetworkPorts(Rtnetlink rtnetlink, Sysfs sysfs, Ethtool ethtool, WireGuard wireguard) implements AutoCloseable {
  @Override
  public void close() {
    wireguard.close();
    ethtool.close();
  }
}

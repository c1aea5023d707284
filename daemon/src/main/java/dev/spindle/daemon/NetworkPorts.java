package dev.spindle.daemon;

import dev.spindle.platform.network.Ethtool;
import dev.spindle.platform.network.Rtnetlink;
import dev.spindle.platform.sysfs.Sysfs;
import dev.spindle.platform.wireguard.WireGuard;

/**
 * The network ports of one node, made together so that the fakes of the simulated node share one fake kernel (a
 * WireGuard device the fake WireGuard creates is a link the fake rtnetlink lists, and ethtool answers for its links).
 */
record NetworkPorts(Rtnetlink rtnetlink, Sysfs sysfs, Ethtool ethtool, WireGuard wireguard) {}

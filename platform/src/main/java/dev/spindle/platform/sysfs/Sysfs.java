package dev.spindle.platform.sysfs;

import java.util.Optional;

/**
 * The node's device tree as sysfs shows it, for what rtnetlink does not say: where a link's hardware sits (PCI
 * function, USB port chain, firmware index, hotplug slot) and how its name and MAC were assigned. These are the facts
 * systemd-udevd's {@code net_id} builtin reads to compute predictable interface names.
 */
public interface Sysfs {
  /** The facts of {@code /sys/class/net/<name>}; empty when the node has no such link. */
  Optional<NetDeviceFacts> netDevice(String name);
}

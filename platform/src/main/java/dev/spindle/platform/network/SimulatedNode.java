package dev.spindle.platform.network;

import java.util.List;

/**
 * The links of Spindle's simulated node, what a small QEMU/KVM VM with two virtio NICs shows as the kernel boots:
 * the loopback, {@code eth0} up with carrier, {@code eth1} present but administratively down. The NICs carry QEMU's
 * {@code 52:54:00} MAC prefix, the kernel's enumerated names and their MAC names ({@code enx525400123456}) as
 * altnames, as udev's {@code AlternativeNamesPolicy} adds them. The predictable names proper ({@code enp0s2},
 * {@code enp0s3}) are not altnames: Spindle's {@code LinkRenameController} renames the NICs to them, as udev does on
 * Talos (unless {@code net.ifnames=0}), and the kernel keeps the altnames across the rename.
 */
public final class SimulatedNode {
  public static final byte[] ETH0_MAC = {0x52, 0x54, 0x00, 0x12, 0x34, 0x56};
  public static final byte[] ETH1_MAC = {0x52, 0x54, 0x00, 0x12, 0x34, 0x57};
  private static final byte[] NO_MAC = new byte[6];
  private static final byte[] ETHER_BROADCAST = {-1, -1, -1, -1, -1, -1};

  private SimulatedNode() {}

  /**
   * What a dump of that VM shows: lo with 127.0.0.1/8 and ::1/128, eth0 with a static 172.20.0.2/24 (the address
   * {@code talosctl cluster create} gives its first node) and its EUI-64 link-local address; eth1, down, has none.
   */
  public static List<AddressMessage> addresses() {
    byte[] ipv6Loopback = new byte[16];
    ipv6Loopback[15] = 1;
    return List.of(
        AddressMessage.of(1, "127.0.0.1", 8).toBuilder().scope(Ifa.SCOPE_HOST).flags(Ifa.F_PERMANENT).label("lo")
            .build(),
        AddressMessage.of(2, "172.20.0.2", 24).toBuilder().broadcast(new byte[] {(byte) 172, 20, 0, (byte) 255})
            .flags(Ifa.F_PERMANENT).label("eth0").build(),
        AddressMessage.builder(Ifa.AF_INET6, 1).address(ipv6Loopback).prefixLength(128).scope(Ifa.SCOPE_HOST)
            .flags(Ifa.F_PERMANENT).build(),
        AddressMessage.builder(Ifa.AF_INET6, 2).address(FakeAddresses.linkLocal(ETH0_MAC)).prefixLength(64)
            .scope(Ifa.SCOPE_LINK).flags(Ifa.F_PERMANENT).build());
  }

  /**
   * The routes configured on top of what the kernel derives from {@link #addresses()}: the default route via
   * {@code 172.20.0.1} (the gateway {@code talosctl cluster create} sets up) on eth0, with Talos's default metric 1024,
   * as its network configuration installs it (protocol static).
   */
  public static List<RouteMessage> routes() {
    return List.of(RouteMessage.of(null, 0, "172.20.0.1", 2, 1024).toBuilder().protocol(Rtn.PROT_STATIC).build());
  }

  public static List<LinkMessage> links() {
    return List.of(loopback(), nic(2, "eth0", ETH0_MAC, "enx525400123456", true),
        nic(3, "eth1", ETH1_MAC, "enx525400123457", false));
  }

  /** {@code lo} as every network namespace has it; loopback does not track carrier, so its operstate is unknown. */
  public static LinkMessage loopback() {
    return LinkMessage.builder(1, "lo").type(Arphrd.LOOPBACK)
        .flags(Iff.UP | Iff.LOOPBACK | Iff.RUNNING | Iff.LOWER_UP)
        .hardwareAddr(NO_MAC).broadcastAddr(NO_MAC).mtu(65536).qdisc("noqueue").operState(IfOper.UNKNOWN)
        .build();
  }

  private static LinkMessage nic(int index, String name, byte[] mac, String altName, boolean up) {
    int flags = Iff.BROADCAST | Iff.MULTICAST | (up ? Iff.UP | Iff.RUNNING | Iff.LOWER_UP : 0);
    // a NIC that was never brought up still has the noop qdisc; the default one is attached on first up
    return LinkMessage.builder(index, name).type(Arphrd.ETHER).flags(flags).hardwareAddr(mac)
        .broadcastAddr(ETHER_BROADCAST).mtu(1500).qdisc(up ? "fq_codel" : "noop")
        .operState(up ? IfOper.UP : IfOper.DOWN).altNames(List.of(altName)).permanentAddr(mac).build();
  }
}

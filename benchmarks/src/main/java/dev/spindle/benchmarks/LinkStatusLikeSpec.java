package dev.spindle.benchmarks;

import dev.spindle.runtime.codec.ProtoField;
import dev.spindle.runtime.resource.ResourceDefinition;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A stand-in for Talos's {@code LinkStatus} spec (reference/talos-network.md §1.2) with the same fields, for sizing
 * resident resources. The kind-specific sub-specs ({@code vlan}, {@code bondMaster}, {@code wireguard}, …) are left
 * out: they are absent (null) for a physical NIC, which is what {@link #sample} builds.
 *
 * <p>Field types follow the Go spec: numbers stay numbers ({@code flags} is the IFF_* bit mask, as Go's
 * {@code LinkFlags} is a {@code uint32}; it is only joined with commas when printed). The Go enums ({@code type},
 * {@code operationalState}, {@code port}, {@code duplex}) are held as their text form taken from a constant table,
 * which costs the same one reference per field as a Java enum would. MAC addresses are held as their text form
 * ({@code 3c:fd:fe:00:30:39}), the heavier of the plausible choices (a record over a {@code long} would save about
 * 50 bytes per address).
 *
 * <p>The {@link ProtoField} numbers are Talos's (reference/talos-network.md §1.2), so the API sends a
 * {@code proto_spec} of realistic size next to the YAML. The enum fields are text here, so they travel as
 * length-delimited strings where Talos sends varints: a few bytes more per resource. Annotations cost no heap per
 * resource.
 *
 * <p>{@link #sample} builds values the way a netlink/sysfs decoder produces them, which decides what is shared:
 * <ul>
 *   <li>shared (one instance for all resources): values a decoder maps from a number through a constant table (the
 *       enum texts), names a PCI ID database lookup returns ({@code vendor}, {@code product}: the table is loaded
 *       once and returns the same instance for the same id), and {@code ""} for absent attributes;</li>
 *   <li>fresh per resource, even when the text repeats: strings decoded from a netlink attribute or read from sysfs /
 *       ethtool for each link ({@code queueDisc}, {@code driver}, {@code driverVersion}, {@code firmwareVersion},
 *       {@code pciID}, {@code productID}, {@code vendorID}, the broadcast address), and everything that is distinct
 *       anyway (addresses, bus path, alternative names). Nothing is interned.</li>
 * </ul>
 */
public record LinkStatusLikeSpec(
    @ProtoField(1) int index,
    @ProtoField(2) String type,
    @ProtoField(3) int linkIndex,
    @ProtoField(4) int flags,
    @ProtoField(5) String hardwareAddr,
    @ProtoField(30) String permanentAddr,
    @ProtoField(6) String broadcastAddr,
    @ProtoField(7) int mtu,
    @ProtoField(8) String queueDisc,
    @ProtoField(9) int masterIndex,
    @ProtoField(10) String operationalState,
    @ProtoField(11) String kind,
    @ProtoField(12) String slaveKind,
    @ProtoField(13) String busPath,
    @ProtoField(14) String pciID,
    @ProtoField(15) String driver,
    @ProtoField(16) String driverVersion,
    @ProtoField(17) String firmwareVersion,
    @ProtoField(18) String productID,
    @ProtoField(19) String vendorID,
    @ProtoField(20) String product,
    @ProtoField(21) String vendor,
    @ProtoField(22) boolean linkState,
    @ProtoField(23) int speedMbit,
    @ProtoField(24) String port,
    @ProtoField(25) String duplex,
    @ProtoField(31) String alias,
    @ProtoField(32) List<String> altNames) {

  public LinkStatusLikeSpec {
    altNames = List.copyOf(altNames);
  }

  /** This spec with another {@code alias}: the API probes carry a write time in it. */
  public LinkStatusLikeSpec withAlias(String newAlias) {
    return new LinkStatusLikeSpec(index, type, linkIndex, flags, hardwareAddr, permanentAddr, broadcastAddr, mtu,
        queueDisc, masterIndex, operationalState, kind, slaveKind, busPath, pciID, driver, driverVersion,
        firmwareVersion, productID, vendorID, product, vendor, linkState, speedMbit, port, duplex, newAlias, altNames);
  }

  public static final ResourceDefinition<LinkStatusLikeSpec> DEFINITION =
      ResourceDefinition.of(LinkStatusLikeSpec.class, "LinkStatuses.net.talos.dev")
          .defaultNamespace("network")
          .column("Type", "type")
          .column("Kind", "kind")
          .column("Hw Addr", "hardwareAddr")
          .column("Oper State", "operationalState")
          .column("Link State", "linkState")
          .build();

  // ---- the constant tables a decoder would hold ------------------------------------------------------------------

  static final String LINK_TYPE_ETHER = "ether"; // ARPHRD_ETHER = 1
  static final String OPER_UP = "up"; // IF_OPER_UP = 6
  static final String OPER_DOWN = "down";
  static final String DUPLEX_FULL = "Full";
  static final String PORT_DIRECT_ATTACH = "DirectAttach";
  static final String PORT_TWISTED_PAIR = "TwistedPair";
  static final int IFF_UP = 1;
  static final int IFF_BROADCAST = 1 << 1;
  static final int IFF_RUNNING = 1 << 6;
  static final int IFF_MULTICAST = 1 << 12;
  static final int IFF_LOWER_UP = 1 << 16;

  /** One NIC model: what sysfs/ethtool report for it, and the PCI ID database names (shared, see above). */
  private record Nic(String driver, String driverVersion, String firmware, int vendorId, int productId,
      String vendorName, String productName, int speedMbit, String port, String qdisc) {}

  private static final List<Nic> NICS = List.of(
      new Nic("i40e", "6.12.18-talos", "9.20 0x8000d95e 1.3146.0", 0x8086, 0x1572, "Intel Corporation",
          "Ethernet Controller X710 for 10GbE SFP+", 10_000, PORT_DIRECT_ATTACH, "mq"),
      new Nic("ixgbe", "6.12.18-talos", "0x800006f1", 0x8086, 0x10fb, "Intel Corporation",
          "82599ES 10-Gigabit SFI/SFP+ Network Connection", 10_000, PORT_DIRECT_ATTACH, "mq"),
      new Nic("mlx5_core", "6.12.18-talos", "16.35.2000 (MT_0000000012)", 0x15b3, 0x1017, "Mellanox Technologies",
          "MT27800 Family [ConnectX-5]", 25_000, PORT_DIRECT_ATTACH, "mq"),
      new Nic("bnxt_en", "6.12.18-talos", "222.1.68.0/pkg 22.21.06.80", 0x14e4, 0x16d7,
          "Broadcom Inc. and subsidiaries", "BCM57414 NetXtreme-E 10Gb/25Gb RDMA Ethernet Controller", 25_000,
          PORT_DIRECT_ATTACH, "mq"),
      new Nic("igb", "6.12.18-talos", "1.63, 0x800009fa", 0x8086, 0x1521, "Intel Corporation",
          "I350 Gigabit Network Connection", 1_000, PORT_TWISTED_PAIR, "fifo"));

  /** A string as a decoder yields it: freshly decoded from bytes, a new instance even if the text repeats. */
  static String decoded(String text) {
    return new String(text.getBytes(StandardCharsets.US_ASCII), StandardCharsets.US_ASCII);
  }

  private static String mac(int oui, int i) {
    return String.format("%02x:%02x:%02x:%02x:%02x:%02x", (oui >> 16) & 0xff, (oui >> 8) & 0xff, oui & 0xff,
        (i >> 16) & 0xff, (i >> 8) & 0xff, i & 0xff);
  }

  /** The id of resource {@code i}, a link name: {@code eth12345}. */
  public static String id(int i) {
    return "eth" + i;
  }

  /** A physical NIC's status, distinct per {@code i} where a real one would be (addresses, index, bus position). */
  public static LinkStatusLikeSpec sample(int i) {
    Nic nic = NICS.get(i % NICS.size());
    int bus = (i / 8) % 256;
    int device = (i / 2) % 4;
    int function = i % 2;
    int domain = i / 2048;
    String busPath = String.format("%04x:%02x:%02x.%d", domain, bus, device, function);
    boolean up = i % 10 != 9; // a tenth of the links are down
    int flags = IFF_BROADCAST | IFF_MULTICAST | (up ? IFF_UP | IFF_RUNNING | IFF_LOWER_UP : 0);
    return new LinkStatusLikeSpec(
        i + 2, // ifindex (1 is lo)
        LINK_TYPE_ETHER,
        i + 2,
        flags,
        mac(0x3cfdfe, i), // IFLA_ADDRESS
        mac(0x3cfdfe, i), // ethtool PermAddr: same text, decoded separately
        decoded("ff:ff:ff:ff:ff:ff"), // IFLA_BROADCAST, formatted per link
        9000,
        decoded(nic.qdisc()),
        0,
        up ? OPER_UP : OPER_DOWN,
        "", // IFLA_INFO_KIND absent for a physical NIC
        "",
        busPath,
        decoded(String.format("%04X:%04X", nic.vendorId(), nic.productId())),
        decoded(nic.driver()),
        decoded(nic.driverVersion()),
        decoded(nic.firmware()),
        String.format("0x%04x", nic.productId()),
        String.format("0x%04x", nic.vendorId()),
        nic.productName(),
        nic.vendorName(),
        up,
        up ? nic.speedMbit() : 0,
        nic.port(),
        DUPLEX_FULL,
        "", // IFLA_IFALIAS absent
        List.of(String.format("enp%ds%df%d", bus, device, function) + (domain > 0 ? "d" + domain : "")));
  }
}

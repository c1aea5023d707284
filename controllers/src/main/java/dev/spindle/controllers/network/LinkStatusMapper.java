package dev.spindle.controllers.network;

import dev.spindle.platform.network.EthtoolFacts;
import dev.spindle.platform.network.Iff;
import dev.spindle.platform.network.LinkMessage;
import dev.spindle.platform.sysfs.DriverInfo;
import dev.spindle.platform.sysfs.NetDeviceFacts;
import dev.spindle.platform.sysfs.PciIdentity;
import dev.spindle.resources.network.Duplex;
import dev.spindle.resources.network.HardwareAddr;
import dev.spindle.resources.network.LinkFlags;
import dev.spindle.resources.network.LinkStatus;
import dev.spindle.resources.network.LinkType;
import dev.spindle.resources.network.OperationalState;
import dev.spindle.resources.network.Port;
import dev.spindle.resources.network.VethSpec;
import java.util.List;
import java.util.Optional;

/**
 * Turns rtnetlink's view of a link into a {@link LinkStatus}: a pure function, so every mapping rule is tested with
 * plain values.
 *
 * <p>The device facts (bus path, driver, PCI ids and names) come from sysfs ({@link NetDeviceFacts}); carrier, speed,
 * duplex, port and the driver's own info (driver, versions, bus) from ethtool ({@link EthtoolFacts}), as Talos reads
 * them. Without ethtool facts the fields Talos reads from ethtool alone take the values Talos uses when it is
 * unavailable (port {@code Other}, duplex {@code Unknown}, speed 0), except {@code linkState}: IFF_LOWER_UP is the same
 * carrier, so it stands in rather than printing {@code false} for every link.
 */
public final class LinkStatusMapper {
  private LinkStatusMapper() {}

  /**
   * The status of one link, with the kind sections its kind data gives ({@link LinkInfoMapper}: vlan, bridgeMaster,
   * bondMaster, vrfMaster); the parts that need other links (the veth peer) stay empty.
   */
  public static LinkStatus map(LinkMessage link) {
    return builder(link).build();
  }

  /** The status of {@code link}, a member of {@code dump}, with the parts that depend on other links filled in. */
  public static LinkStatus map(LinkMessage link, List<LinkMessage> dump) {
    return map(link, dump, Optional.empty());
  }

  /** {@link #map(LinkMessage, List)} with the hardware facts sysfs has about the link, if any. */
  public static LinkStatus map(LinkMessage link, List<LinkMessage> dump, Optional<NetDeviceFacts> facts) {
    return map(link, dump, facts, Optional.empty());
  }

  /** {@link #map(LinkMessage, List, Optional)} with what ethtool says about the link, if anything. */
  public static LinkStatus map(LinkMessage link, List<LinkMessage> dump, Optional<NetDeviceFacts> facts,
      Optional<EthtoolFacts> ethtool) {
    var status = builder(link);
    if (link.kind().equals("veth")) {
      status.veth(new VethSpec(vethPeerName(link, dump)));
    }
    EthtoolFacts e = ethtool.orElse(EthtoolFacts.UNKNOWN);
    ethtool.ifPresent(f -> ethtool(status, link, f));
    facts.ifPresent(f -> hardware(status, f, e));
    if (facts.isEmpty() && ethtool.isPresent()) {
      status.driver(e.driver()).busPath(e.busInfo()).driverVersion(e.driverVersion())
          .firmwareVersion(e.firmwareVersion());
    }
    return status.build();
  }

  /** Carrier, speed, duplex and port as ethtool gives them; the carrier falls back to IFF_LOWER_UP. */
  static void ethtool(LinkStatus.Builder status, LinkMessage link, EthtoolFacts e) {
    status.linkState(e.linkDetected() == null ? link.hasFlags(Iff.LOWER_UP) : e.linkDetected())
        .speedMbit(Math.max(e.speedMbit(), 0))
        .duplex(e.duplex() == EthtoolFacts.DUPLEX_HALF ? Duplex.HALF
            : e.duplex() == EthtoolFacts.DUPLEX_FULL ? Duplex.FULL : Duplex.UNKNOWN)
        .port(port(e.port()));
  }

  private static Port port(int number) {
    try {
      return Port.of(number);
    } catch (IllegalArgumentException unnamed) {
      return Port.OTHER;
    }
  }

  /**
   * The device facts, from the sources Talos reads them from: {@code busPath}, {@code driver} and {@code pciID} from
   * the device's {@code uevent}, bus path and driver falling back to the driver info (ethtool's {@code bus-info} and
   * {@code driver} in Talos; {@link DriverInfo} here); the driver and firmware versions from the driver info; the
   * vendor and product ids ({@code 0x%04x}) and names of the PCI function at the driver info's bus address.
   */
  static void hardware(LinkStatus.Builder status, NetDeviceFacts facts) {
    hardware(status, facts, EthtoolFacts.UNKNOWN);
  }

  /** As {@link #hardware(LinkStatus.Builder, NetDeviceFacts)}, ethtool's driver info first where it has one. */
  static void hardware(LinkStatus.Builder status, NetDeviceFacts facts, EthtoolFacts ethtool) {
    DriverInfo info = facts.driverInfo();
    String busInfo = ethtool.busInfo().isEmpty() ? info.busInfo() : ethtool.busInfo();
    String driver = ethtool.driver().isEmpty() ? info.driver() : ethtool.driver();
    status.busPath(facts.busPath().isEmpty() ? busInfo : facts.busPath())
        .driver(facts.driver().isEmpty() ? driver : facts.driver())
        .pciId(facts.pciId())
        .driverVersion(ethtool.driverVersion().isEmpty() ? info.version() : ethtool.driverVersion())
        .firmwareVersion(ethtool.firmwareVersion().isEmpty() ? info.firmwareVersion() : ethtool.firmwareVersion());
    PciIdentity pci = facts.pci();
    if (pci != null) {
      status.vendorId(String.format("0x%04x", pci.vendorId())).productId(String.format("0x%04x", pci.deviceId()))
          .vendor(pci.vendor()).product(pci.product());
    }
  }

  /**
   * The name of a veth's peer: the link at its IFLA_LINK index, but only if that link is a veth pointing back. An
   * index alone proves nothing, because a peer in another namespace has an index from that namespace, which an
   * unrelated local link may carry. {@code ""} when the peer is not here.
   */
  public static String vethPeerName(LinkMessage veth, List<LinkMessage> dump) {
    for (LinkMessage candidate : dump) {
      if (candidate.index() == veth.parentIndex()) {
        boolean pointsBack = candidate.kind().equals("veth") && candidate.parentIndex() == veth.index();
        return pointsBack ? candidate.name() : "";
      }
    }
    return "";
  }

  private static LinkStatus.Builder builder(LinkMessage link) {
    var status = LinkStatus.builder()
        .alias(link.alias())
        .altNames(link.altNames())
        .index(link.index())
        .type(LinkType.of(link.type()))
        .linkIndex(link.parentIndex())
        .flags(new LinkFlags(link.flags()))
        .hardwareAddr(HardwareAddr.of(link.hardwareAddr()))
        .permanentAddr(HardwareAddr.of(link.permanentAddr()))
        .broadcastAddr(HardwareAddr.of(link.broadcastAddr()))
        .mtu(link.mtu())
        .queueDisc(link.qdisc())
        .masterIndex(link.masterIndex())
        .operationalState(operationalState(link.operState()))
        .kind(link.kind())
        .slaveKind(link.slaveKind())
        .linkState(link.hasFlags(Iff.LOWER_UP))
        .port(Port.OTHER)
        .duplex(Duplex.UNKNOWN);
    LinkInfoMapper.fill(status, link.info());
    return status;
  }

  /** RFC 2863 defines 0..6; anything else (never seen from a kernel) is reported as unknown, not as a failure. */
  private static OperationalState operationalState(int operState) {
    return operState >= 0 && operState < OperationalState.values().length
        ? OperationalState.of(operState) : OperationalState.UNKNOWN;
  }
}

package dev.spindle.platform.network;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntFunction;

/**
 * What the kernel makes of a {@link LinkRequest} in the fake: the checks each driver's {@code validate}/
 * {@code newlink} makes (with the kernel's errno), the link it reports afterwards (type, flags, default MTU and
 * MAC, the kind data its {@code fill_info} would dump), the master checks, and carrier as each driver derives it.
 * Pure: the caller holds the links and stores the results.
 */
final class FakeLinkKinds {
  static final int MIN_MTU = 68;
  static final int MAX_MTU = 65535;
  private static final byte[] ETHER_BROADCAST = {-1, -1, -1, -1, -1, -1};
  private static final int VXLAN_DEFAULT_PORT = 8472;
  private static final int VXLAN_OVERHEAD = 50;
  private static final int VXLAN_OVERHEAD_V6 = 70;
  /** vrf_setup(): IP6_MAX_MTU, 65535 plus the IPv6 header. */
  private static final int VRF_MTU = 65575;

  private FakeLinkKinds() {}

  /** The link {@code request} creates as index {@code index}; {@code links} finds existing links by index. */
  static LinkMessage create(LinkRequest request, int index, IntFunction<LinkMessage> links, String doing)
      throws NetlinkException {
    LinkInfo info = request.info();
    LinkMessage parent = null;
    if (request.parentIndex() != 0) {
      parent = links.apply(request.parentIndex());
      if (parent == null) {
        throw new NetlinkException(Errno.ENODEV, doing + ": no lower link " + request.parentIndex());
      }
    }
    if ((info instanceof VlanInfo || info instanceof MacvlanInfo) && parent == null) {
      throw new NetlinkException(Errno.EINVAL, doing + ": " + info.kind() + " needs a lower link");
    }
    if (request.mtu() != 0 && (request.mtu() < MIN_MTU || request.mtu() > MAX_MTU)) {
      throw new NetlinkException(Errno.EINVAL, doing + ": mtu " + request.mtu() + " out of range");
    }
    boolean noMac = info instanceof WireguardInfo;
    byte[] mac = request.hardwareAddr();
    if (mac.length > 0) {
      if (noMac || mac.length < 6) {
        throw new NetlinkException(Errno.EINVAL, doing + ": hardware address of " + mac.length + " bytes");
      }
      if ((mac[0] & 1) != 0 || java.util.Arrays.equals(mac, new byte[6])) {
        throw new NetlinkException(Errno.EADDRNOTAVAIL, doing + ": not a unicast MAC");
      }
    } else if (!noMac) {
      mac = info instanceof VlanInfo ? parent.hardwareAddr() : randomMac();
    }
    int mtu = 1500;
    int flags = Iff.BROADCAST | Iff.MULTICAST;
    int type = Arphrd.ETHER;
    LinkInfo reported = null;
    switch (info) {
      case VethInfo veth -> { }
      case DummyInfo dummy -> flags = Iff.BROADCAST | Iff.NOARP;
      case WireguardInfo wg -> {
        flags = Iff.POINTOPOINT | Iff.NOARP;
        type = Arphrd.NONE;
        mtu = 1420;
      }
      case BridgeInfo bridge -> {
        if (bridge.stpState() < 0 || bridge.stpState() > 2) {
          throw new NetlinkException(Errno.EINVAL, doing + ": stp_state " + bridge.stpState());
        }
        reported = bridge;
      }
      case MacvlanInfo macvlan -> {
        int mode = macvlan.mode() == 0 ? MacvlanInfo.VEPA : macvlan.mode();
        if (Integer.bitCount(mode) != 1 || mode > MacvlanInfo.SOURCE) {
          throw new NetlinkException(Errno.EINVAL, doing + ": macvlan mode " + macvlan.mode());
        }
        mtu = parent.mtu();
        reported = new MacvlanInfo(mode);
      }
      case VlanInfo vlan -> {
        if (vlan.id() < 0 || vlan.id() >= 4095) {
          throw new NetlinkException(Errno.ERANGE, doing + ": vlan id " + vlan.id());
        }
        if (vlan.protocol() != VlanInfo.P_8021Q && vlan.protocol() != VlanInfo.P_8021AD) {
          throw new NetlinkException(Errno.EPROTONOSUPPORT, doing + ": vlan protocol " + vlan.protocol());
        }
        mtu = parent.mtu();
        reported = vlan;
      }
      case VxlanInfo vxlan -> {
        if (vxlan.vni() < 0 || vxlan.vni() >= 1 << 24) {
          throw new NetlinkException(Errno.ERANGE, doing + ": vni " + vxlan.vni());
        }
        LinkMessage lower = null;
        if (vxlan.linkIndex() != 0) {
          lower = links.apply(vxlan.linkIndex());
          if (lower == null) {
            throw new NetlinkException(Errno.ENODEV, doing + ": no lower link " + vxlan.linkIndex());
          }
        }
        boolean v6 = vxlan.local().length == 16 || vxlan.group().length == 16;
        // vxlan_config_apply(): the lower link's MTU less the headers; without one, Ethernet's 1500
        mtu = lower == null ? 1500 : lower.mtu() - (v6 ? VXLAN_OVERHEAD_V6 : VXLAN_OVERHEAD);
        reported = new VxlanInfo(vxlan.vni(), vxlan.port() == 0 ? VXLAN_DEFAULT_PORT : vxlan.port(), vxlan.local(),
            vxlan.group(), vxlan.linkIndex(), vxlan.learning());
      }
      case BondInfo bond -> {
        flags |= Iff.MASTER;
        reported = FakeBond.newlink(bond, doing);
      }
      case VrfInfo vrf -> {
        if (vrf.table() == 0) {
          throw new NetlinkException(Errno.EINVAL, doing + ": a VRF needs a table id");
        }
        flags = Iff.MASTER | Iff.NOARP;
        mtu = VRF_MTU;
        reported = vrf;
      }
    }
    return LinkMessage.builder(index, request.name()).type(type).flags(flags).hardwareAddr(mac)
        .broadcastAddr(noMac ? null : ETHER_BROADCAST).mtu(request.mtu() != 0 ? request.mtu() : mtu).qdisc("noop")
        .operState(IfOper.DOWN).kind(info.kind()).parentIndex(request.parentIndex()).info(reported).build();
  }

  /**
   * The link's carrier and operstate as its driver derives them: a veth has carrier when its peer is up, a bridge
   * without ports has it (operstate unknown), a bridge with ports or a bond when a port has carrier, a VLAN or macvlan when its lower link has; other links whenever they are up.
   */
  static LinkMessage withState(Map<Integer, LinkMessage> links, LinkMessage link) {
    int carrierBits = Iff.RUNNING | Iff.LOWER_UP;
    if (!link.hasFlags(Iff.UP)) {
      return link.toBuilder().flags(link.flags() & ~carrierBits).operState(IfOper.DOWN).build();
    }
    LinkMessage parent = links.get(link.parentIndex());
    boolean carrier = switch (link.kind()) {
      case "veth" -> parent != null && parent.hasFlags(Iff.UP);
      case "bridge", "bond" -> links.values().stream()
          .anyMatch(p -> p.masterIndex() == link.index() && p.hasFlags(Iff.UP | Iff.LOWER_UP));
      case "vlan", "macvlan" -> parent != null && parent.hasFlags(Iff.LOWER_UP);
      default -> true;
    };
    boolean portless = link.kind().equals("bridge")
        && links.values().stream().noneMatch(p -> p.masterIndex() == link.index());
    if (portless) {
      // a bridge without ports keeps its carrier (operstate unknown), unless STP runs on it
      carrier = !(link.info() instanceof BridgeInfo b && b.stpState() != 0);
    }
    int oper = !carrier ? (link.parentIndex() != 0 ? IfOper.LOWERLAYERDOWN : IfOper.DOWN)
        : tracksCarrier(link) && !portless ? IfOper.UP : IfOper.UNKNOWN;
    String qdisc = !link.qdisc().equals("noop") ? link.qdisc() : link.kind().isEmpty() ? "fq_codel" : "noqueue";
    return link.toBuilder().flags(carrier ? link.flags() | carrierBits : link.flags() & ~carrierBits)
        .operState(oper).qdisc(qdisc).build();
  }

  /** The kernel's do_set_master(): an unknown index is EINVAL, a link that takes no ports EOPNOTSUPP. */
  static void checkMaster(Map<Integer, LinkMessage> links, int masterIndex, boolean portUp, String doing)
      throws NetlinkException {
    LinkMessage master = links.get(masterIndex);
    if (master == null) {
      throw new NetlinkException(Errno.EINVAL, doing + ": no master " + masterIndex);
    }
    if (!isMaster(master)) {
      throw new NetlinkException(Errno.EOPNOTSUPP, doing + ": " + master.name() + " takes no ports");
    }
    if (master.kind().equals("bond") && portUp) {
      throw new NetlinkException(Errno.EPERM, doing + ": a bond port must be down to be enslaved");
    }
  }

  /** A second VXLAN with the same VNI and port, or a second VLAN with the same id on a link, is EEXIST. */
  static void checkUnique(Map<Integer, LinkMessage> links, LinkRequest request, String doing)
      throws NetlinkException {
    for (LinkMessage other : links.values()) {
      boolean clash = switch (request.info()) {
        case VxlanInfo v when other.info() instanceof VxlanInfo o ->
            o.vni() == v.vni() && o.port() == (v.port() == 0 ? VXLAN_DEFAULT_PORT : v.port());
        case VlanInfo v when other.info() instanceof VlanInfo o ->
            o.id() == v.id() && other.parentIndex() == request.parentIndex();
        default -> false;
      };
      if (clash) {
        throw new NetlinkException(Errno.EEXIST, doing + ": " + other.name() + " has the same id");
      }
    }
  }

  /**
   * The link after its driver's {@code changelink} applied {@code info}: only to a link of the same kind
   * ({@code EOPNOTSUPP} otherwise and for veth, which has no changelink); a VXLAN keeps its VNI ({@code EOPNOTSUPP}),
   * its port (a change does not carry one: the kernel refuses any) and its addresses and lower link where the change has none; a macvlan its mode where the
   * change has none; a VLAN ignores the change (vlan_changelink applies only flags and QoS maps); a bond applies what
   * differs as its driver does ({@link FakeBond}: a new mode only while down, {@code EBUSY}, and without ports,
   * {@code ENOTEMPTY}; the LACP settings only while down; {@code fail_over_mac} only without ports).
   */
  static LinkMessage changeInfo(Map<Integer, LinkMessage> links, LinkMessage link, LinkInfo info, String doing)
      throws NetlinkException {
    if (!info.kind().equals(link.kind()) || info instanceof VethInfo) {
      throw new NetlinkException(Errno.EOPNOTSUPP, doing + ": " + link.kind() + " cannot change to " + info);
    }
    LinkInfo now = switch (info) {
      case BridgeInfo bridge -> {
        if (bridge.stpState() < 0 || bridge.stpState() > 2) {
          throw new NetlinkException(Errno.EINVAL, doing + ": stp_state " + bridge.stpState());
        }
        yield bridge;
      }
      case MacvlanInfo macvlan -> {
        if (macvlan.mode() == 0) {
          yield link.info();
        }
        if (Integer.bitCount(macvlan.mode()) != 1 || macvlan.mode() > MacvlanInfo.SOURCE) {
          throw new NetlinkException(Errno.EINVAL, doing + ": macvlan mode " + macvlan.mode());
        }
        yield macvlan;
      }
      case VxlanInfo v -> {
        VxlanInfo old = (VxlanInfo) link.info();
        if (v.vni() != old.vni()) {
          throw new NetlinkException(Errno.EOPNOTSUPP, doing + ": a VXLAN's VNI cannot change");
        }
        if (v.linkIndex() != 0 && links.get(v.linkIndex()) == null) {
          throw new NetlinkException(Errno.ENODEV, doing + ": no lower link " + v.linkIndex());
        }
        yield new VxlanInfo(old.vni(), old.port(), v.local().length > 0 ? v.local() : old.local(),
            v.group().length > 0 ? v.group() : old.group(), v.linkIndex() != 0 ? v.linkIndex() : old.linkIndex(),
            v.learning());
      }
      case VlanInfo vlan -> link.info();
      case BondInfo bond -> FakeBond.changelink((BondInfo) link.info(), bond, link.hasFlags(Iff.UP),
          links.values().stream().anyMatch(p -> p.masterIndex() == link.index()), doing);
      case VrfInfo vrf -> throw new NetlinkException(Errno.EOPNOTSUPP, doing + ": a VRF has no changelink");
      case DummyInfo dummy -> link.info();
      case WireguardInfo wg -> link.info();
      case VethInfo veth -> throw new IllegalStateException("refused above");
    };
    return link.toBuilder().info(now).build();
  }

  /** Whether {@code link}'s driver reports carrier (the others go to operstate unknown when up). */
  static boolean tracksCarrier(LinkMessage link) {
    return link.type() != Arphrd.LOOPBACK && !switch (link.kind()) {
      case "dummy", "vxlan", "wireguard" -> true;
      default -> false;
    };
  }

  /** Whether {@code link} is a master other links can be enslaved to. */
  static boolean isMaster(LinkMessage link) {
    return link.kind().equals("bridge") || link.kind().equals("bond") || link.kind().equals("vrf");
  }

  static byte[] randomMac() {
    byte[] mac = new byte[6];
    ThreadLocalRandom.current().nextBytes(mac);
    mac[0] = (byte) ((mac[0] & 0xFE) | 0x02);
    return mac;
  }
}

package dev.spindle.platform.network.linux;

import dev.spindle.platform.network.BondInfo;
import dev.spindle.platform.network.BridgeInfo;
import dev.spindle.platform.network.DummyInfo;
import dev.spindle.platform.network.LinkInfo;
import dev.spindle.platform.network.MacvlanInfo;
import dev.spindle.platform.network.VethInfo;
import dev.spindle.platform.network.VlanInfo;
import dev.spindle.platform.network.VrfInfo;
import dev.spindle.platform.network.VxlanInfo;
import dev.spindle.platform.network.WireguardInfo;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code IFLA_INFO_DATA} to and from {@link LinkInfo}, per kind (attribute numbers as in {@code linux/if_link.h} and
 * {@code linux/veth.h}); the bond's live in {@link BondInfoCodec}. Decoding knows the kinds whose drivers report
 * data (bridge, macvlan, vlan, vxlan, bond, vrf) and reads only the attributes the records hold. It is lenient, so that
 * one odd attribute (a driver's newer layout, a size this code does not expect) costs that attribute and not the
 * link, nor the whole dump: an attribute whose value does not parse is skipped, and a nest is read up to the first
 * attribute whose header is broken; the link keeps its kind and the settings that did parse.
 */
final class LinkInfoCodec {
  static final int VETH_INFO_PEER = 1;

  static final int IFLA_BR_STP_STATE = 5;
  static final int IFLA_BR_VLAN_FILTERING = 7;

  static final int IFLA_MACVLAN_MODE = 1;

  static final int IFLA_VLAN_ID = 1;
  static final int IFLA_VLAN_PROTOCOL = 5;

  static final int IFLA_VRF_TABLE = 1;

  static final int IFLA_VXLAN_ID = 1;
  static final int IFLA_VXLAN_GROUP = 2;
  static final int IFLA_VXLAN_LINK = 3;
  static final int IFLA_VXLAN_LOCAL = 4;
  static final int IFLA_VXLAN_LEARNING = 7;
  static final int IFLA_VXLAN_PORT = 15;
  static final int IFLA_VXLAN_GROUP6 = 16;
  static final int IFLA_VXLAN_LOCAL6 = 17;

  private LinkInfoCodec() {}

  /** Writes the IFLA_INFO_DATA content for creating a link of {@code info}; false if the kind takes none. */
  static boolean encode(ByteBuffer out, LinkInfo info) {
    return encode(out, info, null, false);
  }

  /**
   * Writes the IFLA_INFO_DATA content of {@code info}; for a change ({@code change}), what the driver's changelink
   * takes: a VXLAN's port is left out (the kernel refuses any port in a change), a bridge's VLAN filtering goes only
   * when it differs from {@code current}'s.
   */
  static boolean encode(ByteBuffer out, LinkInfo info, LinkInfo current, boolean change) {
    out.order(ByteOrder.nativeOrder());
    switch (info) {
      case VethInfo veth -> {
        // VETH_INFO_PEER holds a whole ifinfomsg for the peer, then the peer's own IFLA_* attributes
        ByteBuffer peer = ByteBuffer.allocate(64).order(ByteOrder.nativeOrder());
        new IfInfoMsg(LinkCodec.AF_UNSPEC, 0, 0, 0, 0).encode(peer);
        RtAttr.putString(peer, LinkCodec.IFLA_IFNAME, veth.peerName());
        RtAttr.putNested(out, VETH_INFO_PEER, peer);
      }
      case BridgeInfo bridge -> {
        RtAttr.putU32(out, IFLA_BR_STP_STATE, bridge.stpState());
        // only when asked for or changed: kernels without CONFIG_BRIDGE_VLAN_FILTERING refuse even 0
        boolean was = current instanceof BridgeInfo b && b.vlanFiltering();
        if (change ? bridge.vlanFiltering() != was : bridge.vlanFiltering()) {
          RtAttr.putU8(out, IFLA_BR_VLAN_FILTERING, bridge.vlanFiltering() ? 1 : 0);
        }
      }
      case MacvlanInfo macvlan -> {
        if (macvlan.mode() == 0) {
          return false; // the kernel's default, VEPA
        }
        RtAttr.putU32(out, IFLA_MACVLAN_MODE, macvlan.mode());
      }
      case VlanInfo vlan -> {
        RtAttr.putU16(out, IFLA_VLAN_ID, vlan.id());
        RtAttr.putBe16(out, IFLA_VLAN_PROTOCOL, vlan.protocol());
      }
      case VxlanInfo vxlan -> {
        RtAttr.putU32(out, IFLA_VXLAN_ID, vxlan.vni());
        byte[] group = vxlan.group();
        RtAttr.putIfPresent(out, group.length == 16 ? IFLA_VXLAN_GROUP6 : IFLA_VXLAN_GROUP, group);
        if (vxlan.linkIndex() != 0) {
          RtAttr.putU32(out, IFLA_VXLAN_LINK, vxlan.linkIndex());
        }
        byte[] local = vxlan.local();
        RtAttr.putIfPresent(out, local.length == 16 ? IFLA_VXLAN_LOCAL6 : IFLA_VXLAN_LOCAL, local);
        RtAttr.putU8(out, IFLA_VXLAN_LEARNING, vxlan.learning() ? 1 : 0);
        if (vxlan.port() != 0 && !change) {
          RtAttr.putBe16(out, IFLA_VXLAN_PORT, vxlan.port());
        }
      }
      case BondInfo bond -> BondInfoCodec.encode(out, bond, change && current instanceof BondInfo b ? b : null);
      case VrfInfo vrf -> RtAttr.putU32(out, IFLA_VRF_TABLE, vrf.table());
      case DummyInfo dummy -> {
        return false;
      }
      case WireguardInfo wg -> {
        return false;
      }
    }
    return true;
  }

  /** The kind data the kernel reported for a link of {@code kind}; null for kinds without any modelled here. */
  static LinkInfo decode(String kind, RtAttr data) {
    return switch (kind) {
      case "bridge" -> bridge(data);
      case "macvlan" -> macvlan(data);
      case "vlan" -> vlan(data);
      case "vxlan" -> vxlan(data);
      case "bond" -> BondInfoCodec.decode(data);
      case "vrf" -> vrf(data);
      default -> null;
    };
  }

  /** The attributes of {@code nest} up to the first whose header does not frame (all of them, if none). */
  static List<RtAttr> readable(RtAttr nest) {
    ByteBuffer in = nest.value().duplicate().order(ByteOrder.nativeOrder());
    List<RtAttr> out = new ArrayList<>();
    while (in.remaining() >= RtAttr.HEADER) {
      int start = in.position();
      int length = Short.toUnsignedInt(in.getShort(start));
      if (length < RtAttr.HEADER || length > in.remaining()) {
        break;
      }
      out.addAll(RtAttr.parse(in.slice(start, length)));
      in.position(Math.min(in.limit(), start + NlMsg.align(length)));
    }
    return out;
  }

  /** Hands each readable attribute of {@code nest} to {@code read}, skipping one whose value does not parse. */
  static void each(RtAttr nest, Consumer<RtAttr> read) {
    for (RtAttr a : readable(nest)) {
      try {
        read.accept(a);
      } catch (MalformedNetlinkException skipped) {
        // a value of another size than this attribute has in if_link.h: the rest of the data still counts
      }
    }
  }

  private static BridgeInfo bridge(RtAttr data) {
    int[] stp = {0};
    boolean[] filtering = {false};
    each(data, a -> {
      switch (a.type()) {
        case IFLA_BR_STP_STATE -> stp[0] = a.u32();
        case IFLA_BR_VLAN_FILTERING -> filtering[0] = a.u8() != 0;
        default -> {}
      }
    });
    return new BridgeInfo(stp[0], filtering[0]);
  }

  private static VrfInfo vrf(RtAttr data) {
    int[] table = {0};
    each(data, a -> {
      if (a.type() == IFLA_VRF_TABLE) {
        table[0] = a.u32();
      }
    });
    return new VrfInfo(table[0]);
  }

  private static MacvlanInfo macvlan(RtAttr data) {
    int[] mode = {MacvlanInfo.VEPA};
    each(data, a -> {
      if (a.type() == IFLA_MACVLAN_MODE) {
        mode[0] = a.u32();
      }
    });
    return new MacvlanInfo(mode[0]);
  }

  private static VlanInfo vlan(RtAttr data) {
    int[] id = {0};
    int[] protocol = {VlanInfo.P_8021Q};
    each(data, a -> {
      switch (a.type()) {
        case IFLA_VLAN_ID -> id[0] = a.u16();
        case IFLA_VLAN_PROTOCOL -> protocol[0] = a.be16();
        default -> {}
      }
    });
    return new VlanInfo(id[0], protocol[0]);
  }

  private static VxlanInfo vxlan(RtAttr data) {
    var v = new Object() {
      int vni;
      int port;
      byte[] local;
      byte[] group;
      int link;
      boolean learning = true;
    };
    each(data, a -> {
      switch (a.type()) {
        case IFLA_VXLAN_ID -> v.vni = a.u32();
        case IFLA_VXLAN_PORT -> v.port = a.be16();
        case IFLA_VXLAN_LOCAL -> v.local = a.address(4);
        case IFLA_VXLAN_LOCAL6 -> v.local = a.address(16);
        case IFLA_VXLAN_GROUP -> v.group = a.address(4);
        case IFLA_VXLAN_GROUP6 -> v.group = a.address(16);
        case IFLA_VXLAN_LINK -> v.link = a.u32();
        case IFLA_VXLAN_LEARNING -> v.learning = a.u8() != 0;
        default -> {}
      }
    });
    return new VxlanInfo(v.vni, v.port, v.local, v.group, v.link, v.learning);
  }
}

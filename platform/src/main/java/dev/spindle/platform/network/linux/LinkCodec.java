package dev.spindle.platform.network.linux;

import dev.spindle.platform.network.Iff;
import dev.spindle.platform.network.LinkChange;
import dev.spindle.platform.network.LinkMessage;
import dev.spindle.platform.network.LinkRequest;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code RTM_*LINK} messages to and from bytes, without touching a socket. Decodes the {@code IFLA_*} attributes that
 * feed {@code LinkStatus} (numbers as in {@code linux/if_link.h}) into a {@link LinkMessage}, the kind data of {@code
 * IFLA_INFO_DATA} through {@link LinkInfoCodec}; every other attribute is skipped. Encodes the create, change and
 * delete requests of {@link LinkRequest} and {@link LinkChange}. Bad input throws {@link MalformedNetlinkException} and
 * nothing else, except in the kind data ({@code IFLA_LINKINFO}), which decodes leniently: a part that does not parse
 * is left out and the link still decodes.
 */
public final class LinkCodec {
  public static final int RTM_NEWLINK = 16;
  public static final int RTM_DELLINK = 17;
  public static final int RTM_GETLINK = 18;

  public static final int AF_UNSPEC = 0;
  public static final int IFNAMSIZ = 16;

  public static final int IFLA_ADDRESS = 1;
  public static final int IFLA_BROADCAST = 2;
  public static final int IFLA_IFNAME = 3;
  public static final int IFLA_MTU = 4;
  public static final int IFLA_LINK = 5;
  public static final int IFLA_QDISC = 6;
  public static final int IFLA_MASTER = 10;
  public static final int IFLA_OPERSTATE = 16;
  public static final int IFLA_LINKINFO = 18;
  public static final int IFLA_IFALIAS = 20;
  public static final int IFLA_EXT_MASK = 29;
  public static final int IFLA_PROP_LIST = 52;
  public static final int IFLA_ALT_IFNAME = 53;
  public static final int IFLA_PERM_ADDRESS = 54;

  public static final int IFLA_INFO_KIND = 1;
  public static final int IFLA_INFO_DATA = 2;
  public static final int IFLA_INFO_SLAVE_KIND = 4;

  /** {@code RTEXT_FILTER_SKIP_STATS}: leave the (large, unused) statistics out of answers. */
  public static final int RTEXT_FILTER_SKIP_STATS = 1 << 3;

  private LinkCodec() {}

  /** Decodes the payload of an {@code RTM_NEWLINK} / {@code RTM_DELLINK}: an ifinfomsg and its attributes. */
  public static LinkMessage decode(ByteBuffer payload) {
    ByteBuffer in = payload.slice().order(ByteOrder.nativeOrder());
    IfInfoMsg ifi = IfInfoMsg.decode(in);
    var link = LinkMessage.builder(ifi.index(), "").type(ifi.type()).flags(ifi.flags());
    boolean named = false;
    String kind = "";
    RtAttr data = null;
    for (RtAttr a : RtAttr.parse(in)) {
      switch (a.type()) {
        case IFLA_ADDRESS -> link.hardwareAddr(a.bytes());
        case IFLA_BROADCAST -> link.broadcastAddr(a.bytes());
        case IFLA_IFNAME -> {
          link.name(a.string());
          named = true;
        }
        case IFLA_MTU -> link.mtu(a.u32());
        case IFLA_LINK -> link.parentIndex(a.u32());
        case IFLA_QDISC -> link.qdisc(a.string());
        case IFLA_MASTER -> link.masterIndex(a.u32());
        case IFLA_OPERSTATE -> link.operState(a.u8());
        case IFLA_IFALIAS -> link.alias(a.string());
        case IFLA_PERM_ADDRESS -> link.permanentAddr(a.bytes());
        case IFLA_LINKINFO -> {
          for (RtAttr info : LinkInfoCodec.readable(a)) {
            switch (info.type()) {
              case IFLA_INFO_KIND -> kind = info.string();
              case IFLA_INFO_DATA -> data = info;
              case IFLA_INFO_SLAVE_KIND -> link.slaveKind(info.string());
              default -> {}
            }
          }
        }
        case IFLA_PROP_LIST -> {
          List<String> names = new ArrayList<>();
          for (RtAttr prop : a.nested()) {
            if (prop.type() == IFLA_ALT_IFNAME) {
              names.add(prop.string());
            }
          }
          link.altNames(names);
        }
        default -> {}
      }
    }
    if (!named) {
      throw new MalformedNetlinkException("link " + ifi.index() + " has no IFLA_IFNAME");
    }
    link.kind(kind);
    if (data != null) {
      link.info(LinkInfoCodec.decode(kind, data)); // lenient: odd kind data costs settings, not the link
    }
    return link.build();
  }

  /** A complete {@code RTM_GETLINK} dump request for every link. */
  public static byte[] dumpRequest(int seq) {
    return request(seq, NlMsg.NLM_F_REQUEST | NlMsg.NLM_F_DUMP, null);
  }

  /**
   * A complete {@code RTM_GETLINK} request for the link named {@code name}: {@code IFLA_IFNAME}, or
   * {@code IFLA_ALT_IFNAME} for a name too long to be a primary one (the kernel matches either kind in both).
   */
  public static byte[] getRequest(int seq, String name) {
    return request(seq, NlMsg.NLM_F_REQUEST, name);
  }

  /**
   * {@code ip link add}: an acknowledged {@code RTM_NEWLINK} with {@code NLM_F_CREATE|NLM_F_EXCL}, the ifinfomsg
   * carrying {@link Iff#UP} when the link is to come up, then IFLA_IFNAME, IFLA_MTU, IFLA_ADDRESS, IFLA_LINK,
   * IFLA_MASTER (each only when set) and IFLA_LINKINFO with the kind and its IFLA_INFO_DATA.
   */
  public static byte[] createRequest(int seq, LinkRequest r) {
    ByteBuffer attrs = ByteBuffer.allocate(2048).order(ByteOrder.nativeOrder());
    RtAttr.putString(attrs, IFLA_IFNAME, r.name());
    if (r.mtu() != 0) {
      RtAttr.putU32(attrs, IFLA_MTU, r.mtu());
    }
    RtAttr.putIfPresent(attrs, IFLA_ADDRESS, r.hardwareAddr());
    if (r.parentIndex() != 0) {
      RtAttr.putU32(attrs, IFLA_LINK, r.parentIndex());
    }
    if (r.masterIndex() != 0) {
      RtAttr.putU32(attrs, IFLA_MASTER, r.masterIndex());
    }
    putLinkInfo(attrs, r.info(), null, false);
    int up = r.up() ? Iff.UP : 0;
    return message(seq, RTM_NEWLINK, NlMsg.NLM_F_ACK | NlMsg.NLM_F_CREATE | NlMsg.NLM_F_EXCL,
        new IfInfoMsg(AF_UNSPEC, 0, 0, up, up), attrs);
  }

  /**
   * {@code ip link set}: an acknowledged {@code RTM_NEWLINK} for link {@code index} without {@code NLM_F_CREATE},
   * with {@link Iff#UP} in the change mask only when {@link LinkChange#up()} is set, and only the attributes of the
   * set fields. The alias goes without its NUL, as iproute2 sends it, so an empty one clears it.
   */
  public static byte[] setRequest(int seq, int index, LinkChange c) {
    return setRequest(seq, index, c, null);
  }

  /** As {@link #setRequest(int, int, LinkChange)}, with the link's {@code current} kind data to diff against. */
  public static byte[] setRequest(int seq, int index, LinkChange c, dev.spindle.platform.network.LinkInfo current) {
    ByteBuffer attrs = ByteBuffer.allocate(1024).order(ByteOrder.nativeOrder());
    if (c.hardwareAddr() != null) {
      RtAttr.put(attrs, IFLA_ADDRESS, c.hardwareAddr());
    }
    if (c.mtu() != null) {
      RtAttr.putU32(attrs, IFLA_MTU, c.mtu());
    }
    if (c.name() != null) {
      RtAttr.putString(attrs, IFLA_IFNAME, c.name());
    }
    if (c.alias() != null) {
      RtAttr.put(attrs, IFLA_IFALIAS, c.alias().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    if (c.masterIndex() != null) {
      RtAttr.putU32(attrs, IFLA_MASTER, c.masterIndex());
    }
    if (c.info() != null) {
      putLinkInfo(attrs, c.info(), current, true);
    }
    int flags = Boolean.TRUE.equals(c.up()) ? Iff.UP : 0;
    int change = c.up() != null ? Iff.UP : 0;
    return message(seq, RTM_NEWLINK, NlMsg.NLM_F_ACK, new IfInfoMsg(AF_UNSPEC, 0, index, flags, change), attrs);
  }

  /** IFLA_LINKINFO: the kind, and its IFLA_INFO_DATA where the kind has settings. */
  private static void putLinkInfo(ByteBuffer attrs, dev.spindle.platform.network.LinkInfo info,
      dev.spindle.platform.network.LinkInfo current, boolean change) {
    ByteBuffer linkInfo = ByteBuffer.allocate(1536).order(ByteOrder.nativeOrder());
    RtAttr.putString(linkInfo, IFLA_INFO_KIND, info.kind());
    ByteBuffer data = ByteBuffer.allocate(1024).order(ByteOrder.nativeOrder());
    if (LinkInfoCodec.encode(data, info, current, change)) {
      RtAttr.putNested(linkInfo, IFLA_INFO_DATA, data);
    }
    RtAttr.putNested(attrs, IFLA_LINKINFO, linkInfo);
  }

  /** {@code ip link del}: an acknowledged {@code RTM_DELLINK} for link {@code index}. */
  public static byte[] deleteRequest(int seq, int index) {
    return message(seq, RTM_DELLINK, NlMsg.NLM_F_ACK, new IfInfoMsg(AF_UNSPEC, 0, index, 0, 0),
        ByteBuffer.allocate(0));
  }

  /** A request: header, ifinfomsg, then what {@code attrs} holds up to its position. */
  private static byte[] message(int seq, int type, int flags, IfInfoMsg ifi, ByteBuffer attrs) {
    attrs.flip();
    int length = NlMsg.SIZE + IfInfoMsg.SIZE + attrs.remaining();
    ByteBuffer out = ByteBuffer.allocate(length).order(ByteOrder.nativeOrder());
    new NlMsg(length, type, NlMsg.NLM_F_REQUEST | flags, seq, 0).encode(out);
    ifi.encode(out);
    out.put(attrs);
    return out.array();
  }

  private static byte[] request(int seq, int flags, String name) {
    int nameSpace = name == null ? 0 : RtAttr.HEADER + NlMsg.align(name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 1);
    ByteBuffer attrs = ByteBuffer.allocate(nameSpace + 8).order(ByteOrder.nativeOrder());
    if (name != null) {
      // IFLA_IFNAME holds at most IFNAMSIZ - 1 bytes (longer is ERANGE); an alternative name may be longer
      boolean alt = name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length >= IFNAMSIZ;
      RtAttr.putString(attrs, alt ? IFLA_ALT_IFNAME : IFLA_IFNAME, name);
    }
    RtAttr.putU32(attrs, IFLA_EXT_MASK, RTEXT_FILTER_SKIP_STATS);
    attrs.flip();
    int length = NlMsg.SIZE + IfInfoMsg.SIZE + attrs.remaining();
    ByteBuffer out = ByteBuffer.allocate(length).order(ByteOrder.nativeOrder());
    new NlMsg(length, RTM_GETLINK, flags, seq, 0).encode(out);
    new IfInfoMsg(AF_UNSPEC, 0, 0, 0, 0).encode(out);
    out.put(attrs);
    return out.array();
  }
}

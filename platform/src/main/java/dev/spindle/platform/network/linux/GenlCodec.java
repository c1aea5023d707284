package dev.spindle.platform.network.linux;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;

/**
 * Generic netlink messages to and from bytes, without touching a socket: the framing every family shares (an
 * {@link NlMsg} whose type is the family id, a {@link GenlMsgHdr}, then the family's attributes), and the controller
 * family's {@code CTRL_CMD_GETFAMILY}, which turns a family name into the id to send to. Numbers as in
 * {@code linux/genetlink.h}. Bad input throws {@link MalformedNetlinkException} and nothing else.
 */
public final class GenlCodec {
  /** The controller family ({@code nlctrl}) has this fixed id; every other id is assigned at registration. */
  public static final int GENL_ID_CTRL = 0x10;

  public static final int CTRL_CMD_NEWFAMILY = 1;
  public static final int CTRL_CMD_GETFAMILY = 3;
  /** The version this codec speaks to the controller (the kernel accepts any and answers with its own, 2). */
  public static final int CTRL_VERSION = 1;

  public static final int CTRL_ATTR_FAMILY_ID = 1;
  public static final int CTRL_ATTR_FAMILY_NAME = 2;
  public static final int CTRL_ATTR_VERSION = 3;
  public static final int CTRL_ATTR_HDRSIZE = 4;
  public static final int CTRL_ATTR_MAXATTR = 5;
  public static final int CTRL_ATTR_OPS = 6;
  public static final int CTRL_ATTR_MCAST_GROUPS = 7;

  public static final int CTRL_ATTR_MCAST_GRP_NAME = 1;
  public static final int CTRL_ATTR_MCAST_GRP_ID = 2;

  /** Largest family name the kernel registers ({@code GENL_NAMSIZ}, with its NUL). */
  public static final int GENL_NAMSIZ = 16;

  private GenlCodec() {}

  /** A generic netlink payload split into its header and its attributes (a read-only, host-order view). */
  public record Message(GenlMsgHdr header, ByteBuffer attributes) {}

  /**
   * One request: {@code nlmsghdr} (type {@code familyId}, {@code flags}, {@code seq}, port id 0 for the kernel),
   * {@code genlmsghdr} ({@code command}, {@code version}), then {@code attributes} as given (already padded).
   */
  public static byte[] request(int familyId, int flags, int seq, int command, int version, byte[] attributes) {
    int length = NlMsg.SIZE + GenlMsgHdr.SIZE + attributes.length;
    ByteBuffer out = ByteBuffer.allocate(length).order(ByteOrder.nativeOrder());
    new NlMsg(length, familyId, flags, seq, 0).encode(out);
    new GenlMsgHdr(command, version).encode(out);
    out.put(attributes);
    return out.array();
  }

  /** {@code CTRL_CMD_GETFAMILY} for {@code name}: one {@code CTRL_ATTR_FAMILY_NAME}, answered by one message. */
  public static byte[] getFamilyRequest(int seq, String name) {
    if (name.isEmpty() || name.length() >= GENL_NAMSIZ || name.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("generic netlink family name must be 1.." + (GENL_NAMSIZ - 1)
          + " characters without NUL: \"" + name + "\"");
    }
    ByteBuffer attrs = ByteBuffer.allocate(RtAttr.HEADER + NlMsg.align(name.length() + 1));
    RtAttr.putString(attrs, CTRL_ATTR_FAMILY_NAME, name);
    return request(GENL_ID_CTRL, NlMsg.NLM_F_REQUEST, seq, CTRL_CMD_GETFAMILY, CTRL_VERSION, attrs.array());
  }

  /** Splits a generic netlink payload (what follows the {@code nlmsghdr}) into header and attributes. */
  public static Message decode(ByteBuffer payload) {
    ByteBuffer in = payload.slice().order(ByteOrder.nativeOrder());
    GenlMsgHdr header = GenlMsgHdr.decode(in);
    return new Message(header, in.slice().asReadOnlyBuffer().order(ByteOrder.nativeOrder()));
  }

  /**
   * Decodes the controller's {@code CTRL_CMD_NEWFAMILY} answer. Name and id are required; the operations and any
   * attribute not listed here are skipped.
   */
  public static GenlFamily decodeFamily(ByteBuffer payload) {
    Message m = decode(payload);
    if (m.header().command() != CTRL_CMD_NEWFAMILY) {
      throw new MalformedNetlinkException(
          "generic netlink controller answered command " + m.header().command() + ", not NEWFAMILY (1)");
    }
    String name = null;
    int id = -1;
    int version = 0;
    int maxAttribute = 0;
    Map<String, Integer> groups = new HashMap<>();
    for (RtAttr a : RtAttr.parse(m.attributes())) {
      switch (a.type()) {
        case CTRL_ATTR_FAMILY_ID -> id = a.u16();
        case CTRL_ATTR_FAMILY_NAME -> name = a.string();
        case CTRL_ATTR_VERSION -> version = a.u32();
        case CTRL_ATTR_MAXATTR -> maxAttribute = a.u32();
        case CTRL_ATTR_MCAST_GROUPS -> {
          for (RtAttr group : a.nested()) {
            decodeGroup(group, groups);
          }
        }
        default -> {}
      }
    }
    if (name == null || id < 0) {
      throw new MalformedNetlinkException("generic netlink family answer without "
          + (name == null ? "CTRL_ATTR_FAMILY_NAME" : "CTRL_ATTR_FAMILY_ID"));
    }
    return new GenlFamily(name, id, version, maxAttribute, groups);
  }

  private static void decodeGroup(RtAttr group, Map<String, Integer> into) {
    String name = null;
    Integer id = null;
    for (RtAttr a : group.nested()) {
      switch (a.type()) {
        case CTRL_ATTR_MCAST_GRP_NAME -> name = a.string();
        case CTRL_ATTR_MCAST_GRP_ID -> id = a.u32();
        default -> {}
      }
    }
    if (name == null || id == null) {
      throw new MalformedNetlinkException("multicast group " + group.type() + " without a name or an id");
    }
    into.put(name, id);
  }
}

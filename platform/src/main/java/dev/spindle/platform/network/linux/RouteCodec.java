package dev.spindle.platform.network.linux;

import dev.spindle.platform.network.Ifa;
import dev.spindle.platform.network.RouteMessage;
import dev.spindle.platform.network.Rtn;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * {@code RTM_*ROUTE} messages to and from bytes, without touching a socket (numbers as in {@code linux/rtnetlink.h}).
 * Decodes an rtmsg and the {@code RTA_*} attributes {@link RouteMessage} holds, with {@code RTAX_MTU} from the nested
 * {@code RTA_METRICS}; every other attribute (RTA_CACHEINFO, RTA_PREF, RTA_MULTIPATH, ...) is skipped. Bad input throws
 * {@link MalformedNetlinkException} and nothing else: a known attribute of the wrong size, an address whose length does
 * not fit the family, a prefix longer than the family allows.
 */
public final class RouteCodec {
  public static final int RTM_NEWROUTE = 24;
  public static final int RTM_DELROUTE = 25;
  public static final int RTM_GETROUTE = 26;

  public static final int RTA_DST = 1;
  public static final int RTA_SRC = 2;
  public static final int RTA_IIF = 3;
  public static final int RTA_OIF = 4;
  public static final int RTA_GATEWAY = 5;
  public static final int RTA_PRIORITY = 6;
  public static final int RTA_PREFSRC = 7;
  public static final int RTA_METRICS = 8;
  public static final int RTA_MULTIPATH = 9;
  public static final int RTA_CACHEINFO = 12;
  public static final int RTA_TABLE = 15;
  public static final int RTA_PREF = 20;

  public static final int RTAX_MTU = 2;

  private RouteCodec() {}

  /** Decodes the payload of an {@code RTM_NEWROUTE} / {@code RTM_DELROUTE}: an rtmsg and its attributes. */
  public static RouteMessage decode(ByteBuffer payload) {
    ByteBuffer in = payload.slice().order(ByteOrder.nativeOrder());
    RtMsg rtm = RtMsg.decode(in);
    int length = switch (rtm.family()) {
      case Ifa.AF_INET -> 4;
      case Ifa.AF_INET6 -> 16;
      default -> throw new MalformedNetlinkException("route family " + rtm.family() + " is neither inet nor inet6");
    };
    if (rtm.dstLength() > length * 8 || rtm.srcLength() > length * 8) {
      throw new MalformedNetlinkException("prefix length " + Math.max(rtm.dstLength(), rtm.srcLength())
          + " exceeds " + length * 8 + " for family " + rtm.family());
    }
    var route = RouteMessage.builder(rtm.family()).dstLength(rtm.dstLength()).srcLength(rtm.srcLength())
        .tos(rtm.tos()).table(rtm.table()).protocol(rtm.protocol()).scope(rtm.scope()).type(rtm.type())
        .flags(rtm.flags());
    for (RtAttr a : RtAttr.parse(in)) {
      switch (a.type()) {
        case RTA_DST -> route.dst(a.address(length));
        case RTA_SRC -> route.src(a.address(length));
        case RTA_PREFSRC -> route.prefSrc(a.address(length));
        case RTA_GATEWAY -> route.gateway(a.address(length));
        case RTA_OIF -> route.outIndex(a.u32());
        case RTA_PRIORITY -> route.priority(a.u32());
        case RTA_TABLE -> route.table(a.u32());
        case RTA_METRICS -> {
          for (RtAttr metric : a.nested()) {
            if (metric.type() == RTAX_MTU) {
              route.mtu(metric.u32());
            }
          }
        }
        default -> {}
      }
    }
    return route.build();
  }


  /** A complete {@code RTM_GETROUTE} dump request for every route of {@code family} (0: all) in every table. */
  public static byte[] dumpRequest(int seq, int family) {
    ByteBuffer out = ByteBuffer.allocate(NlMsg.SIZE + RtMsg.SIZE).order(ByteOrder.nativeOrder());
    new NlMsg(out.capacity(), RTM_GETROUTE, NlMsg.NLM_F_REQUEST | NlMsg.NLM_F_DUMP, seq, 0).encode(out);
    new RtMsg(family, 0, 0, 0, 0, 0, 0, 0, 0).encode(out);
    return out.array();
  }

  /** {@code ip route add}: create, and {@code EEXIST} if the route is there already. */
  public static byte[] addRequest(int seq, RouteMessage route) {
    return request(seq, RTM_NEWROUTE, NlMsg.NLM_F_CREATE | NlMsg.NLM_F_EXCL, route, false);
  }

  /** {@code ip route replace}: create, or replace the route with the same key. */
  public static byte[] replaceRequest(int seq, RouteMessage route) {
    return request(seq, RTM_NEWROUTE, NlMsg.NLM_F_CREATE | NlMsg.NLM_F_REPLACE, route, false);
  }

  /**
   * {@code ip route del}: as iproute2 does, the scope is sent as {@code RT_SCOPE_NOWHERE} ("any"), and a 0
   * protocol or type matches any.
   */
  public static byte[] deleteRequest(int seq, RouteMessage route) {
    return request(seq, RTM_DELROUTE, 0, route, true);
  }

  /**
   * An acknowledged request carrying every attribute {@code route} has. Tables above 255 go in RTA_TABLE with
   * rtm_table {@code RT_TABLE_UNSPEC}, as iproute2 sends them; table 0 asks for main.
   */
  static byte[] request(int seq, int type, int flags, RouteMessage route, boolean delete) {
    int table = route.table() == Rtn.TABLE_UNSPEC ? Rtn.TABLE_MAIN : route.table();
    ByteBuffer attrs = ByteBuffer.allocate(128).order(ByteOrder.nativeOrder());
    if (Integer.compareUnsigned(table, 255) > 0) {
      RtAttr.putU32(attrs, RTA_TABLE, table);
    }
    RtAttr.putIfPresent(attrs, RTA_DST, route.dst());
    RtAttr.putIfPresent(attrs, RTA_SRC, route.src());
    RtAttr.putIfPresent(attrs, RTA_PREFSRC, route.prefSrc());
    RtAttr.putIfPresent(attrs, RTA_GATEWAY, route.gateway());
    if (route.priority() != 0) {
      RtAttr.putU32(attrs, RTA_PRIORITY, route.priority());
    }
    if (route.mtu() != 0) {
      ByteBuffer metrics = ByteBuffer.allocate(8).order(ByteOrder.nativeOrder());
      RtAttr.putU32(metrics, RTAX_MTU, route.mtu());
      RtAttr.put(attrs, RTA_METRICS, metrics.array()); // without NLA_F_NESTED, as iproute2 sends it
    }
    if (route.outIndex() != 0) {
      RtAttr.putU32(attrs, RTA_OIF, route.outIndex());
    }
    attrs.flip();
    int length = NlMsg.SIZE + RtMsg.SIZE + attrs.remaining();
    ByteBuffer out = ByteBuffer.allocate(length).order(ByteOrder.nativeOrder());
    new NlMsg(length, type, NlMsg.NLM_F_REQUEST | NlMsg.NLM_F_ACK | flags, seq, 0).encode(out);
    new RtMsg(route.family(), route.dstLength(), route.srcLength(), route.tos(),
        Integer.compareUnsigned(table, 255) > 0 ? Rtn.TABLE_UNSPEC : table, route.protocol(),
        delete ? Ifa.SCOPE_NOWHERE : route.scope(), route.type(), route.flags()).encode(out);
    out.put(attrs);
    return out.array();
  }
}

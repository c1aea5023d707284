package dev.spindle.platform.network.linux;

import dev.spindle.platform.network.AddressMessage;
import dev.spindle.platform.network.Ifa;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * {@code RTM_*ADDR} messages to and from bytes, without touching a socket (numbers as in {@code linux/if_addr.h}).
 * Decodes an ifaddrmsg and the {@code IFA_*} attributes {@link AddressMessage} holds; every other attribute is
 * skipped. Bad input throws {@link MalformedNetlinkException} and nothing else: a known attribute of the wrong size, an
 * address whose length does not fit the family, a prefix longer than the family allows.
 */
public final class AddressCodec {
  public static final int RTM_NEWADDR = 20;
  public static final int RTM_DELADDR = 21;
  public static final int RTM_GETADDR = 22;

  public static final int IFA_ADDRESS = 1;
  public static final int IFA_LOCAL = 2;
  public static final int IFA_LABEL = 3;
  public static final int IFA_BROADCAST = 4;
  public static final int IFA_ANYCAST = 5;
  public static final int IFA_CACHEINFO = 6;
  public static final int IFA_MULTICAST = 7;
  public static final int IFA_FLAGS = 8;
  public static final int IFA_RT_PRIORITY = 9;

  /** {@code struct ifa_cacheinfo}: preferred and valid lifetimes, created and updated stamps (u32 each). */
  static final int CACHEINFO_SIZE = 16;

  private AddressCodec() {}

  /** Decodes the payload of an {@code RTM_NEWADDR} / {@code RTM_DELADDR}: an ifaddrmsg and its attributes. */
  public static AddressMessage decode(ByteBuffer payload) {
    ByteBuffer in = payload.slice().order(ByteOrder.nativeOrder());
    IfAddrMsg ifa = IfAddrMsg.decode(in);
    int length = switch (ifa.family()) {
      case Ifa.AF_INET -> 4;
      case Ifa.AF_INET6 -> 16;
      default -> throw new MalformedNetlinkException("address family " + ifa.family() + " is neither inet nor inet6");
    };
    if (ifa.prefixLength() > length * 8) {
      throw new MalformedNetlinkException(
          "prefix length " + ifa.prefixLength() + " exceeds " + length * 8 + " for family " + ifa.family());
    }
    var address = AddressMessage.builder(ifa.family(), ifa.index()).prefixLength(ifa.prefixLength())
        .flags(ifa.flags()).scope(ifa.scope());
    for (RtAttr a : RtAttr.parse(in)) {
      switch (a.type()) {
        case IFA_ADDRESS -> address.address(a.address(length));
        case IFA_LOCAL -> address.local(a.address(length));
        case IFA_BROADCAST -> address.broadcast(a.address(length));
        case IFA_ANYCAST -> address.anycast(a.address(length));
        case IFA_MULTICAST -> address.multicast(a.address(length));
        case IFA_LABEL -> address.label(a.string());
        case IFA_FLAGS -> address.flags(a.u32());
        case IFA_RT_PRIORITY -> address.priority(a.u32());
        case IFA_CACHEINFO -> {
          if (a.value().remaining() != CACHEINFO_SIZE) {
            throw new MalformedNetlinkException(
                "attribute 6: " + a.value().remaining() + " bytes, ifa_cacheinfo (16) expected");
          }
          address.preferredLifetime(Integer.toUnsignedLong(a.value().getInt(0)))
              .validLifetime(Integer.toUnsignedLong(a.value().getInt(4)));
        }
        default -> {}
      }
    }
    AddressMessage decoded = address.build();
    if (decoded.address().length == 0 && decoded.local().length == 0) {
      throw new MalformedNetlinkException("address on link " + ifa.index() + " has neither IFA_ADDRESS nor IFA_LOCAL");
    }
    return decoded;
  }


  /** A complete {@code RTM_GETADDR} dump request for every address of {@code family} (0: both). */
  public static byte[] dumpRequest(int seq, int family) {
    ByteBuffer out = ByteBuffer.allocate(NlMsg.SIZE + IfAddrMsg.SIZE).order(ByteOrder.nativeOrder());
    new NlMsg(out.capacity(), RTM_GETADDR, NlMsg.NLM_F_REQUEST | NlMsg.NLM_F_DUMP, seq, 0).encode(out);
    new IfAddrMsg(family, 0, 0, 0, 0).encode(out);
    return out.array();
  }

  /** {@code ip addr add}: create, and {@code EEXIST} if the address is there already. */
  public static byte[] addRequest(int seq, AddressMessage address) {
    return request(seq, RTM_NEWADDR, NlMsg.NLM_F_CREATE | NlMsg.NLM_F_EXCL, address);
  }

  /** {@code ip addr replace}: create, or change the existing address in place. */
  public static byte[] replaceRequest(int seq, AddressMessage address) {
    return request(seq, RTM_NEWADDR, NlMsg.NLM_F_CREATE | NlMsg.NLM_F_REPLACE, address);
  }

  /** {@code ip addr del}. */
  public static byte[] deleteRequest(int seq, AddressMessage address) {
    return request(seq, RTM_DELADDR, 0, address);
  }

  /**
   * An acknowledged request carrying every attribute {@code address} has, in iproute2's order. IFA_CACHEINFO is sent
   * only for a finite lifetime and IFA_FLAGS only for flags ifa_flags cannot hold, as iproute2 does.
   */
  static byte[] request(int seq, int type, int flags, AddressMessage address) {
    ByteBuffer attrs = ByteBuffer.allocate(160 + 4 * address.label().length()).order(ByteOrder.nativeOrder());
    RtAttr.putIfPresent(attrs, IFA_LOCAL, address.local());
    RtAttr.putIfPresent(attrs, IFA_ADDRESS, address.address());
    RtAttr.putIfPresent(attrs, IFA_BROADCAST, address.broadcast());
    RtAttr.putIfPresent(attrs, IFA_ANYCAST, address.anycast());
    RtAttr.putIfPresent(attrs, IFA_MULTICAST, address.multicast());
    if (!address.label().isEmpty()) {
      RtAttr.putString(attrs, IFA_LABEL, address.label());
    }
    if ((address.flags() & ~0xff) != 0) {
      RtAttr.putU32(attrs, IFA_FLAGS, address.flags());
    }
    if (address.preferredLifetime() != Ifa.INFINITE_LIFETIME || address.validLifetime() != Ifa.INFINITE_LIFETIME) {
      byte[] cacheinfo = ByteBuffer.allocate(CACHEINFO_SIZE).order(ByteOrder.nativeOrder())
          .putInt((int) address.preferredLifetime()).putInt((int) address.validLifetime()).array();
      RtAttr.put(attrs, IFA_CACHEINFO, cacheinfo);
    }
    if (address.priority() != 0) {
      RtAttr.putU32(attrs, IFA_RT_PRIORITY, address.priority());
    }
    attrs.flip();
    int length = NlMsg.SIZE + IfAddrMsg.SIZE + attrs.remaining();
    ByteBuffer out = ByteBuffer.allocate(length).order(ByteOrder.nativeOrder());
    new NlMsg(length, type, NlMsg.NLM_F_REQUEST | NlMsg.NLM_F_ACK | flags, seq, 0).encode(out);
    new IfAddrMsg(address.family(), address.prefixLength(), address.flags() & 0xff, address.scope(),
        address.index()).encode(out);
    out.put(attrs);
    return out.array();
  }
}

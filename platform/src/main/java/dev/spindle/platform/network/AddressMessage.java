package dev.spindle.platform.network;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Objects;

/**
 * One interface address as rtnetlink describes it ({@code ifaddrmsg} and its {@code IFA_*} attributes), in the
 * kernel's own vocabulary: numbers and raw address bytes (4 for {@link Ifa#AF_INET}, 16 for {@link Ifa#AF_INET6}),
 * empty when the attribute is absent. Immutable; byte arrays are copied in and out, and equality is by content.
 *
 * <p>For IPv4 the kernel keys an address by {@code local} (the interface's own address) and the prefix length;
 * {@code address} is the peer on a point-to-point link and equal to {@code local} otherwise. For IPv6 only
 * {@code address} is used. {@link #of} fills both as {@code ip addr add} does.
 *
 * @param family {@link Ifa#AF_INET} or {@link Ifa#AF_INET6}
 * @param prefixLength ifa_prefixlen
 * @param flags {@code IFA_F_*} ({@link Ifa}): IFA_FLAGS, the full 32 bits (ifa_flags holds only the low 8)
 * @param scope {@code RT_SCOPE_*} ({@link Ifa}); the kernel derives it from the address for IPv6
 * @param index ifa_index: the link's ifindex
 * @param address IFA_ADDRESS
 * @param local IFA_LOCAL
 * @param broadcast IFA_BROADCAST
 * @param anycast IFA_ANYCAST
 * @param multicast IFA_MULTICAST
 * @param label IFA_LABEL (IPv4 only; the kernel defaults it to the link name)
 * @param preferredLifetime IFA_CACHEINFO ifa_prefered, seconds left; {@link Ifa#INFINITE_LIFETIME} if none
 * @param validLifetime IFA_CACHEINFO ifa_valid, seconds left; {@link Ifa#INFINITE_LIFETIME} if none
 * @param priority IFA_RT_PRIORITY: the metric of the prefix route, 0 if none
 */
public record AddressMessage(int family, int prefixLength, int flags, int scope, int index, byte[] address,
    byte[] local, byte[] broadcast, byte[] anycast, byte[] multicast, String label, long preferredLifetime,
    long validLifetime, int priority) {
  public AddressMessage {
    address = copy(address);
    local = copy(local);
    broadcast = copy(broadcast);
    anycast = copy(anycast);
    multicast = copy(multicast);
    label = label == null ? "" : label;
  }

  /**
   * The address {@code ip addr add <address>/<prefixLength> dev <index>} asks for: family from the address length,
   * IFA_LOCAL and IFA_ADDRESS both set, universe scope, no flags, infinite lifetimes.
   */
  public static AddressMessage of(int index, byte[] address, int prefixLength) {
    int family = switch (address.length) {
      case 4 -> Ifa.AF_INET;
      case 16 -> Ifa.AF_INET6;
      default -> throw new IllegalArgumentException("an IP address has 4 or 16 bytes, not " + address.length);
    };
    return builder(family, index).address(address).local(address).prefixLength(prefixLength).build();
  }

  /** As {@link #of(int, byte[], int)} from a literal ({@code 10.0.0.1}, {@code fd00::1}); never resolves names. */
  public static AddressMessage of(int index, String literal, int prefixLength) {
    return of(index, InetAddress.ofLiteral(literal).getAddress(), prefixLength);
  }

  public static Builder builder(int family, int index) {
    return new Builder(family, index);
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  public boolean hasFlags(int ifa) {
    return (flags & ifa) == ifa;
  }

  /** The interface's own address: IFA_LOCAL when present (IPv4), IFA_ADDRESS otherwise. */
  public byte[] own() {
    return local.length > 0 ? local.clone() : address.clone();
  }

  @Override
  public byte[] address() {
    return address.clone();
  }

  @Override
  public byte[] local() {
    return local.clone();
  }

  @Override
  public byte[] broadcast() {
    return broadcast.clone();
  }

  @Override
  public byte[] anycast() {
    return anycast.clone();
  }

  @Override
  public byte[] multicast() {
    return multicast.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AddressMessage m && family == m.family && prefixLength == m.prefixLength
        && flags == m.flags && scope == m.scope && index == m.index && Arrays.equals(address, m.address)
        && Arrays.equals(local, m.local) && Arrays.equals(broadcast, m.broadcast)
        && Arrays.equals(anycast, m.anycast) && Arrays.equals(multicast, m.multicast) && label.equals(m.label)
        && preferredLifetime == m.preferredLifetime && validLifetime == m.validLifetime && priority == m.priority;
  }

  @Override
  public int hashCode() {
    return Objects.hash(family, prefixLength, index, Arrays.hashCode(address), Arrays.hashCode(local));
  }

  @Override
  public String toString() {
    return "AddressMessage[" + text(address) + "/" + prefixLength + " link=" + index + " family=" + family
        + " scope=" + scope + " flags=0x" + Integer.toHexString(flags)
        + (local.length > 0 ? " local=" + text(local) : "") + (broadcast.length > 0 ? " brd=" + text(broadcast) : "")
        + (label.isEmpty() ? "" : " label=" + label) + " preferred=" + preferredLifetime + " valid=" + validLifetime
        + (priority != 0 ? " metric=" + priority : "") + "]";
  }

  /** The address as text, for messages; raw hex if it is not 4 or 16 bytes. */
  public static String text(byte[] bytes) {
    if (bytes.length != 4 && bytes.length != 16) {
      return java.util.HexFormat.of().formatHex(bytes);
    }
    try {
      return InetAddress.getByAddress(bytes).getHostAddress();
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] copy(byte[] bytes) {
    return bytes == null ? new byte[0] : bytes.clone();
  }

  /** Builds an {@link AddressMessage}; unset attributes are absent (0, empty), lifetimes infinite. */
  public static final class Builder {
    private int family;
    private int prefixLength;
    private int flags;
    private int scope;
    private int index;
    private byte[] address;
    private byte[] local;
    private byte[] broadcast;
    private byte[] anycast;
    private byte[] multicast;
    private String label;
    private long preferredLifetime = Ifa.INFINITE_LIFETIME;
    private long validLifetime = Ifa.INFINITE_LIFETIME;
    private int priority;

    private Builder(int family, int index) {
      this.family = family;
      this.index = index;
    }

    private Builder(AddressMessage m) {
      this(m.family, m.index);
      prefixLength = m.prefixLength;
      flags = m.flags;
      scope = m.scope;
      address = m.address;
      local = m.local;
      broadcast = m.broadcast;
      anycast = m.anycast;
      multicast = m.multicast;
      label = m.label;
      preferredLifetime = m.preferredLifetime;
      validLifetime = m.validLifetime;
      priority = m.priority;
    }

    public Builder family(int v) { family = v; return this; }
    public Builder prefixLength(int v) { prefixLength = v; return this; }
    public Builder flags(int v) { flags = v; return this; }
    public Builder scope(int v) { scope = v; return this; }
    public Builder index(int v) { index = v; return this; }
    public Builder address(byte[] v) { address = v; return this; }
    public Builder local(byte[] v) { local = v; return this; }
    public Builder broadcast(byte[] v) { broadcast = v; return this; }
    public Builder anycast(byte[] v) { anycast = v; return this; }
    public Builder multicast(byte[] v) { multicast = v; return this; }
    public Builder label(String v) { label = v; return this; }
    public Builder preferredLifetime(long v) { preferredLifetime = v; return this; }
    public Builder validLifetime(long v) { validLifetime = v; return this; }
    public Builder priority(int v) { priority = v; return this; }

    public AddressMessage build() {
      return new AddressMessage(family, prefixLength, flags, scope, index, address, local, broadcast, anycast,
          multicast, label, preferredLifetime, validLifetime, priority);
    }
  }
}

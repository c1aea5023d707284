package dev.spindle.resources.network;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.spindle.runtime.codec.ProtoField;
import dev.spindle.runtime.codec.ProtoValue;
import java.util.Objects;

/**
 * An address with a prefix length, as Go's {@code netip.Prefix}: {@code 10.0.0.5/24} keeps its host bits (it is an
 * interface address as much as a network). A {@code common.NetIPPrefix} message on the wire.
 */
public record IpPrefix(IpAddr addr, int bits) implements ProtoValue {
  /** Talos's {@code common.NetIPPrefix}. */
  public record NetIpPrefix(@ProtoField(1) byte[] ip, @ProtoField(2) int prefixLength) {}

  public IpPrefix {
    Objects.requireNonNull(addr, "addr");
    int max = addr.isV4() ? 32 : 128;
    if (bits < 0 || bits > max) {
      throw new IllegalArgumentException("prefix length " + bits + " out of range for " + addr);
    }
  }

  @JsonCreator
  public static IpPrefix parse(String text) {
    int slash = text.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("netip.ParsePrefix(\"" + text + "\"): no '/'");
    }
    String length = text.substring(slash + 1);
    if (length.isEmpty() || !length.chars().allMatch(Character::isDigit) || length.length() > 3) {
      throw new IllegalArgumentException("netip.ParsePrefix(\"" + text + "\"): bad bits after slash");
    }
    return new IpPrefix(IpAddr.parse(text.substring(0, slash)), Integer.parseInt(length));
  }

  @Override
  public Object protoValue() {
    return new NetIpPrefix(addr.bytes(), bits);
  }

  @JsonValue
  @Override
  public String toString() {
    return addr + "/" + bits;
  }
}

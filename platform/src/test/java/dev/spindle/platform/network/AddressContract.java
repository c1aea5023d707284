package dev.spindle.platform.network;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.function.Predicate;

/** Small helpers for the address cases of {@link RtnetlinkContract}. */
final class AddressContract {
  private AddressContract() {}

  static byte[] ip(String literal) {
    return InetAddress.ofLiteral(literal).getAddress();
  }

  /** Matches an address on link {@code index} whose own address is {@code literal}. */
  static Predicate<AddressMessage> at(int index, String literal) {
    byte[] own = ip(literal);
    return a -> a.index() == index && Arrays.equals(a.own(), own);
  }
}

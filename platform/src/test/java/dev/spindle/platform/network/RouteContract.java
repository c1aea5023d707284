package dev.spindle.platform.network;

import java.util.Arrays;
import java.util.function.Predicate;

/** Small helpers for the route cases of {@link RtnetlinkContract}. */
final class RouteContract {
  private RouteContract() {}

  /** Matches a route of {@code table} to {@code dst}/{@code length} ({@code dst} null: the default route). */
  static Predicate<RouteMessage> to(int table, String dst, int length) {
    byte[] d = dst == null ? new byte[0] : AddressContract.ip(dst);
    return r -> r.table() == table && r.dstLength() == length && Arrays.equals(r.dst(), d);
  }

  /** As {@link #to} over link {@code index}. */
  static Predicate<RouteMessage> to(int table, String dst, int length, int index) {
    return to(table, dst, length).and(r -> r.outIndex() == index);
  }
}

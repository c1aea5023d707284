package dev.spindle.controllers.network;

import dev.spindle.platform.network.AddressMessage;
import dev.spindle.resources.network.AddressFlags;
import dev.spindle.resources.network.AddressStatus;
import dev.spindle.resources.network.Family;
import dev.spindle.resources.network.IpAddr;
import dev.spindle.resources.network.IpPrefix;
import dev.spindle.resources.network.Scope;
import java.util.Map;

/**
 * Turns rtnetlink's view of an address into an {@link AddressStatus}, as Talos's AddressStatusController fills it: a
 * pure function, so every rule is tested with plain values.
 */
public final class AddressStatusMapper {
  private AddressStatusMapper() {}

  /**
   * The status of {@code address}; {@code linkNames} maps ifindex to link name from the same moment's link dump. An
   * index missing from it (the link went away between the two dumps) gives an empty link name, as in Talos; the next
   * reconcile, which that link's deletion triggers, drops the address.
   */
  public static AddressStatus map(AddressMessage address, Map<Integer, String> linkNames) {
    // IFA_ADDRESS is the peer on a point-to-point link; Talos reports it all the same (see its TODO)
    byte[] prefixAddress = address.address().length > 0 ? address.address() : address.own();
    return new AddressStatus(
        new IpPrefix(new IpAddr(prefixAddress), address.prefixLength()),
        optional(address.local()),
        optional(address.broadcast()),
        optional(address.anycast()),
        optional(address.multicast()),
        address.index(),
        linkNames.getOrDefault(address.index(), ""),
        Family.of(address.family()),
        Scope.of(address.scope()),
        new AddressFlags(address.flags()),
        address.priority());
  }

  private static IpAddr optional(byte[] ip) {
    return ip.length == 0 ? null : new IpAddr(ip);
  }
}

package dev.spindle.controllers.network;

import dev.spindle.platform.network.AddressMessage;
import dev.spindle.platform.network.Ifa;
import dev.spindle.platform.network.RouteMessage;
import dev.spindle.platform.network.Rtn;
import dev.spindle.resources.network.Family;
import dev.spindle.resources.network.IpAddr;
import dev.spindle.resources.network.RouteSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What {@link RouteSpecController} does to the kernel in one pass: a pure function of the final specs (running or
 * tearing down), the links by name, the kernel's routes and the routes Spindle itself added ({@link Key} → the
 * protocol it added them with).
 *
 * <p>A spec and a kernel route match as in Talos's {@code findMatchingRoutes}: family, table, destination, gateway and
 * metric (an IPv6 spec without a metric matches the 1024 the kernel gives it). Then
 * <ul>
 *   <li>a running spec whose out link does not exist yet waits (a link event brings it back);</li>
 *   <li>a running spec without a matching route is added, unless another route holds its place in the table (same
 *       table, destination and metric: the kernel would refuse it with EEXIST): someone else's is a conflict, one of
 *       Spindle's own for another spec makes it wait for that one to go;</li>
 *   <li>a matching route of Spindle's that differs from its spec in type, protocol, out link, preferred source, MTU or
 *       (IPv4) scope is replaced in place; the IPv6 scope is the kernel's and the flags are the kernel's too, so
 *       neither is compared;</li>
 *   <li>a tearing-down spec's matching routes are deleted if Spindle added them; then the spec is released;</li>
 *   <li>a route Spindle did not add, or that no longer carries the protocol Spindle added it with (someone replaced
 *       it), is never changed or deleted: if it differs from a spec it is reported as a conflict;</li>
 *   <li>a multipath spec (next hops) is reported as unsupported and not applied.</li>
 * </ul>
 * Deletes come first, so a route that moves to another spec (a new gateway is a new RouteID) is deleted before its
 * successor is added.
 */
public record RoutePlan(List<Step> steps, List<String> released, List<String> waiting, List<String> conflicts,
    List<String> unsupported) {
  public RoutePlan {
    steps = List.copyOf(steps);
    released = List.copyOf(released);
    waiting = List.copyOf(waiting);
    conflicts = List.copyOf(conflicts);
    unsupported = List.copyOf(unsupported);
  }

  /** A final spec as the planner sees it: its id, its content, whether it is tearing down. */
  public record Desired(String id, RouteSpec spec, boolean tearingDown) {
    public Desired {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(spec, "spec");
    }
  }

  /**
   * What identifies a route for Talos's matching: family, table, destination (text, {@code ""} for default), gateway
   * (text or {@code ""}) and metric as the kernel stores it, and for IPv6 the out link's index (an IPv6 RouteID names
   * its link, and the same IPv6 route on another link is another route; 0 for IPv4).
   */
  public record Key(int family, int table, String dst, String gateway, int priority, int link) {
    public static Key of(RouteMessage m) {
      int table = m.table() == Rtn.TABLE_UNSPEC ? Rtn.TABLE_MAIN : m.table();
      int priority = m.family() == Ifa.AF_INET6 && m.priority() == 0 ? Rtn.IP6_PRIORITY_USER : m.priority();
      String dst = m.dstLength() == 0 ? "" : text(m.dst()) + "/" + m.dstLength();
      String gateway = m.gateway().length == 0 ? "" : text(m.gateway());
      return new Key(m.family(), table, dst, gateway, priority, m.family() == Ifa.AF_INET6 ? m.outIndex() : 0);
    }

    private static String text(byte[] ip) {
      return ip.length == 4 || ip.length == 16 ? new IpAddr(ip).toString() : AddressMessage.text(ip);
    }

    /** The kernel's own key (NLM_F_EXCL): the same without the gateway and the link. */
    Key slot() {
      return new Key(family, table, dst, "", priority, 0);
    }
  }

  /** One change to the kernel, for the spec with this id. */
  public sealed interface Step {
    String specId();

    RouteSpec spec();

    RouteMessage message();
  }

  public record Add(String specId, RouteSpec spec, RouteMessage message) implements Step {}

  public record Replace(String specId, RouteSpec spec, RouteMessage message) implements Step {}

  public record Delete(String specId, RouteSpec spec, RouteMessage message) implements Step {}

  public static RoutePlan plan(List<Desired> specs, Map<String, Integer> linkIndexes, List<RouteMessage> kernel,
      Map<Key, Integer> added) {
    var deletes = new ArrayList<Step>();
    var writes = new ArrayList<Step>();
    var released = new ArrayList<String>();
    var waiting = new ArrayList<String>();
    var conflicts = new ArrayList<String>();
    var unsupported = new ArrayList<String>();
    Set<Key> deleted = new HashSet<>();
    // indexed once: a pass over many specs must not scan the whole table for each
    Map<Key, List<RouteMessage>> byKey = new HashMap<>();
    Map<Key, List<RouteMessage>> bySlot = new HashMap<>();
    for (RouteMessage route : kernel) {
      Key key = Key.of(route);
      byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(route);
      bySlot.computeIfAbsent(key.slot(), k -> new ArrayList<>()).add(route);
    }
    for (Desired desired : specs) {
      if (!desired.tearingDown()) {
        continue;
      }
      RouteSpec spec = desired.spec();
      // an IPv6 RouteID names its link: the same route over another link belongs to another spec
      Integer index = spec.outLinkName().isEmpty() ? null : linkIndexes.get(spec.outLinkName());
      Key key = Key.of(message(spec, index == null ? 0 : index));
      for (RouteMessage route : byKey.getOrDefault(key, List.of())) {
        if (ours(route, added) && (index == null || route.outIndex() == index)) {
          deletes.add(new Delete(desired.id(), spec, route));
          deleted.add(key);
        }
      }
      released.add(desired.id());
    }
    for (Desired desired : specs) {
      if (desired.tearingDown()) {
        continue;
      }
      RouteSpec spec = desired.spec();
      if (!spec.nextHops().isEmpty()) {
        unsupported.add(desired.id());
        continue;
      }
      int index = 0;
      if (!spec.outLinkName().isEmpty()) {
        Integer found = linkIndexes.get(spec.outLinkName());
        if (found == null) {
          waiting.add(desired.id());
          continue;
        }
        index = found;
      }
      RouteMessage wanted = message(spec, index);
      Key key = Key.of(wanted);
      List<RouteMessage> matching = byKey.getOrDefault(key, List.of());
      if (matching.stream().anyMatch(r -> satisfies(r, wanted))) {
        continue;
      }
      if (matching.stream().anyMatch(r -> ours(r, added))) {
        writes.add(new Replace(desired.id(), spec, wanted));
        continue;
      }
      if (!matching.isEmpty()) {
        conflicts.add(desired.id());
        continue;
      }
      List<RouteMessage> holders = bySlot.getOrDefault(key.slot(), List.of()).stream()
          .filter(r -> !deleted.contains(Key.of(r))).toList();
      if (holders.isEmpty()) {
        writes.add(new Add(desired.id(), spec, wanted));
      } else if (holders.stream().allMatch(r -> ours(r, added))) {
        waiting.add(desired.id());
      } else {
        conflicts.add(desired.id());
      }
    }
    var steps = new ArrayList<Step>(deletes);
    steps.addAll(writes);
    return new RoutePlan(steps, released, waiting, conflicts, unsupported);
  }

  /** Spindle added it, and it still carries the protocol Spindle added it with. */
  static boolean ours(RouteMessage route, Map<Key, Integer> added) {
    Integer protocol = added.get(Key.of(route));
    return protocol != null && protocol == route.protocol();
  }

  /** The request for {@code spec} out of link {@code index} (0: none), as Talos's {@code RouteSpecController}. */
  public static RouteMessage message(RouteSpec spec, int index) {
    int family = spec.family() == Family.INET4 ? Ifa.AF_INET : Ifa.AF_INET6;
    var builder = RouteMessage.builder(family)
        .table(spec.table().number())
        .protocol(spec.protocol().number())
        .scope(spec.scope().number())
        .type(spec.type().number())
        .flags(spec.flags().bits())
        .outIndex(index)
        .priority(spec.priority())
        .mtu(spec.mtu());
    if (spec.dst() != null && spec.dst().bits() > 0) {
      builder.dst(spec.dst().addr().bytes()).dstLength(spec.dst().bits());
    }
    if (spec.gateway() != null) {
      builder.gateway(spec.gateway().bytes());
    }
    if (spec.src() != null) {
      builder.prefSrc(spec.src().bytes());
    }
    return builder.build();
  }

  private static boolean satisfies(RouteMessage current, RouteMessage wanted) {
    return current.type() == wanted.type()
        && current.protocol() == wanted.protocol()
        && (wanted.outIndex() == 0 || current.outIndex() == wanted.outIndex())
        && (wanted.prefSrc().length == 0 || Arrays.equals(current.prefSrc(), wanted.prefSrc()))
        && current.mtu() == wanted.mtu()
        && (current.family() == Ifa.AF_INET6 || current.scope() == wanted.scope());
  }
}

package dev.spindle.controllers.network;

import dev.spindle.platform.network.AddressMessage;
import dev.spindle.platform.network.Ifa;
import dev.spindle.resources.network.AddressSpec;
import dev.spindle.resources.network.IpAddr;
import dev.spindle.resources.network.IpPrefix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What {@link AddressSpecController} does to the kernel in one pass: a pure function of the final specs (running or
 * tearing down), the links by name, the kernel's addresses and the addresses Spindle itself added ({@link Key}s).
 *
 * <ul>
 *   <li>A running spec whose link does not exist yet waits (Talos skips it; a link event brings it back).</li>
 *   <li>A running spec without its address in the kernel is added: the spec's flags, scope and route priority,
 *       infinite lifetimes, IPv4 broadcast as Talos computes it.</li>
 *   <li>An address Spindle added that differs from its spec in what Spindle manages ({@link #MANAGED_FLAGS}, the
 *       lifetimes, the route priority; for IPv4 also the scope) is replaced in place when the kernel can change it in
 *       place (lifetimes and priority; IPv6 also its settable flags), else deleted and added again. The flags the
 *       kernel sets by itself (secondary, tentative, optimistic, dadfailed, deprecated, stableprivacy) and the scope
 *       the kernel derives for IPv6 are never compared.</li>
 *   <li>A tearing-down spec's address is deleted if Spindle added it; then the spec is released.</li>
 *   <li>An address Spindle did not add is never changed or deleted: if it holds a spec's key with other attributes
 *       it is reported as a conflict; a spec it already satisfies is left as is.</li>
 * </ul>
 * Keys are the kernel's: IPv4 by local address and prefix length on the link, IPv6 by address on the link (a
 * different prefix length on the same IPv6 address is the same kernel address, with other attributes).
 */
public record AddressPlan(List<Step> steps, List<String> released, List<String> waiting, List<String> conflicts) {
  /** The {@code IFA_F_*} bits that come from a spec: the rest the kernel sets by itself. */
  public static final int MANAGED_FLAGS = Ifa.F_NODAD | Ifa.F_HOMEADDRESS | Ifa.F_PERMANENT | Ifa.F_MANAGETEMPADDR
      | Ifa.F_NOPREFIXROUTE | Ifa.F_MCAUTOJOIN;
  /** The flags an IPv6 replace changes in place (the kernel's {@code inet6_addr_modify}). */
  private static final int V6_REPLACEABLE = Ifa.F_NODAD | Ifa.F_HOMEADDRESS | Ifa.F_MANAGETEMPADDR
      | Ifa.F_NOPREFIXROUTE | Ifa.F_MCAUTOJOIN;

  public AddressPlan {
    steps = List.copyOf(steps);
    released = List.copyOf(released);
    waiting = List.copyOf(waiting);
    conflicts = List.copyOf(conflicts);
  }

  /** A final spec as the planner sees it: its id, its content, whether it is tearing down. */
  public record Desired(String id, AddressSpec spec, boolean tearingDown) {
    public Desired {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(spec, "spec");
    }
  }

  /** A kernel address Spindle added: the link index and the address with its prefix length. */
  public record Key(int index, IpPrefix address) {
    public static Key of(AddressMessage message) {
      return new Key(message.index(), new IpPrefix(new IpAddr(message.own()), message.prefixLength()));
    }
  }

  /** One change to the kernel, for the spec with this id. */
  public sealed interface Step {
    String specId();

    AddressSpec spec();

    AddressMessage message();
  }

  public record Add(String specId, AddressSpec spec, AddressMessage message) implements Step {}

  public record Replace(String specId, AddressSpec spec, AddressMessage message) implements Step {}

  public record Delete(String specId, AddressSpec spec, AddressMessage message) implements Step {}

  public static AddressPlan plan(List<Desired> specs, Map<String, Integer> linkIndexes, List<AddressMessage> kernel,
      Set<Key> added) {
    var steps = new ArrayList<Step>();
    var released = new ArrayList<String>();
    var waiting = new ArrayList<String>();
    var conflicts = new ArrayList<String>();
    for (Desired desired : specs) {
      AddressSpec spec = desired.spec();
      Integer index = linkIndexes.get(spec.linkName());
      if (index == null) {
        // tearing down with the link gone: the address went with it
        (desired.tearingDown() ? released : waiting).add(desired.id());
        continue;
      }
      AddressMessage wanted = message(spec, index);
      Optional<AddressMessage> existing = kernel.stream().filter(a -> sameKey(a, wanted)).findFirst();
      boolean ours = existing.isPresent() && added.contains(Key.of(existing.get()));
      if (desired.tearingDown()) {
        if (ours) {
          steps.add(new Delete(desired.id(), spec, existing.get()));
        }
        released.add(desired.id());
        continue;
      }
      if (existing.isEmpty()) {
        steps.add(new Add(desired.id(), spec, wanted));
        continue;
      }
      AddressMessage current = existing.get();
      if (satisfies(current, wanted)) {
        continue;
      }
      if (!ours) {
        conflicts.add(desired.id());
      } else if (replaceable(current, wanted)) {
        steps.add(new Replace(desired.id(), spec, wanted));
      } else {
        steps.add(new Delete(desired.id(), spec, current));
        steps.add(new Add(desired.id(), spec, wanted));
      }
    }
    return new AddressPlan(steps, released, waiting, conflicts);
  }

  /** The request that puts {@code spec} on link {@code index}, as Talos's {@code AddressSpecController} builds it. */
  public static AddressMessage message(AddressSpec spec, int index) {
    byte[] ip = spec.address().addr().bytes();
    var builder = AddressMessage.of(index, ip, spec.address().bits()).toBuilder()
        .flags(spec.flags().bits())
        .scope(spec.scope().number())
        .priority(spec.priority());
    if (ip.length == 4) {
      builder.broadcast(broadcast(ip, spec.address().bits()));
    }
    return builder.build();
  }

  /** The address with every host bit set; Talos sets IFA_BROADCAST on every IPv4 address. */
  static byte[] broadcast(byte[] ip, int bits) {
    byte[] out = ip.clone();
    for (int bit = bits; bit < 32; bit++) {
      out[bit / 8] |= (byte) (0x80 >>> (bit % 8));
    }
    return out;
  }

  private static boolean sameKey(AddressMessage a, AddressMessage wanted) {
    if (a.index() != wanted.index() || a.family() != wanted.family() || !Arrays.equals(a.own(), wanted.own())) {
      return false;
    }
    return wanted.family() == Ifa.AF_INET6 || a.prefixLength() == wanted.prefixLength();
  }

  private static boolean satisfies(AddressMessage current, AddressMessage wanted) {
    return current.prefixLength() == wanted.prefixLength()
        && (current.flags() & MANAGED_FLAGS) == (wanted.flags() & MANAGED_FLAGS)
        && current.priority() == wanted.priority()
        && current.validLifetime() == wanted.validLifetime()
        && current.preferredLifetime() == wanted.preferredLifetime()
        && (current.family() == Ifa.AF_INET6 || current.scope() == wanted.scope());
  }

  private static boolean replaceable(AddressMessage current, AddressMessage wanted) {
    if (current.prefixLength() != wanted.prefixLength()) {
      return false;
    }
    // permanent follows the lifetimes, which a replace sets
    int inPlace = Ifa.F_PERMANENT | (current.family() == Ifa.AF_INET6 ? V6_REPLACEABLE : 0);
    boolean flagsInPlace = ((current.flags() ^ wanted.flags()) & MANAGED_FLAGS & ~inPlace) == 0;
    return flagsInPlace && (current.family() == Ifa.AF_INET6 || current.scope() == wanted.scope());
  }
}

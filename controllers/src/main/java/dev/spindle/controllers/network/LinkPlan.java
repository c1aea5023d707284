package dev.spindle.controllers.network;

import dev.spindle.platform.network.BondInfo;
import dev.spindle.platform.network.BondOption;
import dev.spindle.platform.network.BridgeInfo;
import dev.spindle.platform.network.DummyInfo;
import dev.spindle.platform.network.Iff;
import dev.spindle.platform.network.LinkChange;
import dev.spindle.platform.network.LinkInfo;
import dev.spindle.platform.network.LinkMessage;
import dev.spindle.platform.network.LinkRequest;
import dev.spindle.platform.network.VethInfo;
import dev.spindle.platform.network.VlanInfo;
import dev.spindle.platform.network.WireguardInfo;
import dev.spindle.resources.network.BondMasterSpec;
import dev.spindle.resources.network.BridgeMasterSpec;
import dev.spindle.resources.network.IpAddr;
import dev.spindle.resources.network.LinkSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What to do to the kernel's links so they are as the merged {@link LinkSpec}s say: a pure function of the specs,
 * the kernel's links and the names of the logical links Spindle created, so table tests can drive it.
 *
 * <ul>
 *   <li>A logical link that does not exist is created (bridge, bond, VLAN, dummy, veth, WireGuard device) once the
 *       link it sits on exists; one of another kind or link type, a VLAN with another id or protocol, or a bond in
 *       another mode or with another {@code fail_over_mac} (none of which changes in place: the bonding driver
 *       takes them only without ports) is deleted and created again — but only if Spindle created it: a link
 *       someone else made is reported as a conflict and left alone.</li>
 *   <li>An existing link gets what differs: bridge settings (STP, VLAN filtering), bond settings (only those that
 *       differ are sent; a bond that is up is first taken down when one of them is an LACP setting the driver
 *       changes only while down, and comes up again with them on the next pass), MTU (when the spec sets one),
 *       hardware address (when set), master (the bond or bridge the spec names, once that exists; a bond port is
 *       taken down first, as the bonding driver requires), and up or down last. A link whose spec names no master
 *       is released from a master Spindle manages (one it created or one with a spec); a master someone else set
 *       up is left alone.</li>
 *   <li>A physical link that does not exist is waited for; a torn-down spec deletes the logical link only if Spindle
 *       created it. Physical links are never deleted.</li>
 * </ul>
 */
final class LinkPlan {
  /** One spec: its id, the spec, and whether it is being torn down. */
  record Desired(String id, LinkSpec spec, boolean tearingDown) {}

  sealed interface Step {
    String specId();
  }

  record Create(String specId, LinkRequest request) implements Step {}

  record Delete(String specId, int index, String name) implements Step {}

  record Change(String specId, int index, String name, LinkChange change) implements Step {}

  /**
   * @param steps in order: deletions, creations, then changes
   * @param waiting spec ids that wait for a link (their own, their parent, their master)
   * @param conflicts spec ids whose link exists with another kind and was not created by Spindle
   * @param released torn-down spec ids whose finalizer may go once the steps succeed
   */
  record Result(List<Step> steps, List<String> waiting, List<String> conflicts, List<String> released) {}

  private LinkPlan() {}

  static Result plan(List<Desired> desired, List<LinkMessage> kernel, Set<String> created) {
    Map<String, LinkMessage> byName = new HashMap<>();
    kernel.forEach(l -> byName.put(l.name(), l));
    var deletes = new ArrayList<Step>();
    var creates = new ArrayList<Step>();
    var changes = new ArrayList<Step>();
    var waiting = new ArrayList<String>();
    var conflicts = new ArrayList<String>();
    var released = new ArrayList<String>();
    for (Desired d : desired) {
      LinkSpec spec = d.spec();
      LinkMessage link = byName.get(spec.name());
      if (d.tearingDown()) {
        if (link != null && spec.logical() && created.contains(spec.name())) {
          deletes.add(new Delete(d.id(), link.index(), link.name()));
        }
        released.add(d.id());
        continue;
      }
      if (spec.logical()) {
        if (link != null && !sameKind(spec, link)) {
          if (!created.contains(spec.name())) {
            conflicts.add(d.id());
            continue;
          }
          deletes.add(new Delete(d.id(), link.index(), link.name()));
          link = null;
        }
        if (link == null) {
          Optional<LinkRequest> request = request(spec, byName);
          if (request.isEmpty()) {
            waiting.add(d.id());
          } else {
            creates.add(new Create(d.id(), request.get()));
          }
          continue; // its attributes are checked on the next pass, against what the kernel made
        }
      } else if (link == null) {
        waiting.add(d.id());
        continue;
      }
      change(d.id(), spec, link, byName, managedMasters(desired, created), waiting).ifPresent(changes::add);
    }
    var steps = new ArrayList<Step>(deletes);
    steps.addAll(creates);
    steps.addAll(changes);
    return new Result(List.copyOf(steps), List.copyOf(waiting), List.copyOf(conflicts), List.copyOf(released));
  }

  /** Links whose ports Spindle may release: the ones it created and the ones a running spec describes. */
  private static Set<String> managedMasters(List<Desired> desired, Set<String> created) {
    var managed = new HashSet<>(created);
    desired.stream().filter(d -> !d.tearingDown()).forEach(d -> managed.add(d.spec().name()));
    return managed;
  }

  private static Optional<Step> change(String id, LinkSpec spec, LinkMessage link, Map<String, LinkMessage> byName,
      Set<String> managedMasters, List<String> waiting) {
    LinkChange change = LinkChange.NONE;
    if (spec.kind().equals("bridge") && link.info() instanceof BridgeInfo current) {
      BridgeInfo wanted = bridge(spec);
      if ((current.stpState() != 0) != (wanted.stpState() != 0) || current.vlanFiltering() != wanted.vlanFiltering()) {
        change = change.withInfo(wanted);
      }
    }
    if (spec.kind().equals("bond") && link.info() instanceof BondInfo current) {
      BondInfo wanted = asTheKernelKeepsIt(bond(spec.bondMaster(), byName), current);
      List<BondOption> differ = BondOption.toSend(wanted, current);
      if (!differ.isEmpty()) {
        if (link.hasFlags(Iff.UP) && differ.stream().anyMatch(BondOption::needsDown)) {
          // the LACP settings change only while the bond is down (EBUSY): down now, settings and up next pass
          return Optional.of(new Change(id, link.index(), link.name(), LinkChange.NONE.withUp(false)));
        }
        change = change.withInfo(wanted);
      }
    }
    if (spec.mtu() != 0 && spec.mtu() != link.mtu()) {
      change = change.withMtu(spec.mtu());
    }
    if (!spec.hardwareAddr().isEmpty() && !Arrays.equals(spec.hardwareAddr().bytes(), link.hardwareAddr())) {
      change = change.withHardwareAddr(spec.hardwareAddr().bytes());
    }
    String masterName = masterName(spec);
    boolean bondPort = spec.bondSlave() != null && !spec.bondSlave().masterName().isEmpty();
    if (!masterName.isEmpty()) {
      LinkMessage master = byName.get(masterName);
      if (master == null) {
        waiting.add(id);
      } else if (master.index() != link.masterIndex()) {
        change = change.withMaster(master.index());
        if (bondPort && link.hasFlags(Iff.UP)) {
          // the bonding driver enslaves only links that are down; the up state is restored below
          change = change.withUp(false);
        }
      }
    } else if (link.masterIndex() != 0) {
      LinkMessage master = byIndex(byName, link.masterIndex());
      if (master != null && managedMasters.contains(master.name())) {
        change = change.withMaster(0); // ip link set <link> nomaster
      }
    }
    boolean wantUp = spec.up();
    if (change.up() != null || link.hasFlags(Iff.UP) != wantUp) {
      if (change.up() == null) {
        change = change.withUp(wantUp);
      } else if (wantUp) {
        return Optional.of(new Change(id, link.index(), link.name(), change)); // down → enslave; up next pass
      }
    }
    return change.equals(LinkChange.NONE) ? Optional.empty()
        : Optional.of(new Change(id, link.index(), link.name(), change));
  }

  static String masterName(LinkSpec spec) {
    if (spec.bondSlave() != null && !spec.bondSlave().masterName().isEmpty()) {
      return spec.bondSlave().masterName();
    }
    if (spec.bridgeSlave() != null && !spec.bridgeSlave().masterName().isEmpty()) {
      return spec.bridgeSlave().masterName();
    }
    return "";
  }

  private static LinkMessage byIndex(Map<String, LinkMessage> byName, int index) {
    return byName.values().stream().filter(l -> l.index() == index).findFirst().orElse(null);
  }

  /**
   * The kernel link is of the spec's kind and link type (when the spec names one); a VLAN also has the spec's id and
   * protocol, a bond the spec's mode (the bonding driver changes the mode only of a bond that is down and has no
   * ports, so a new mode means a new bond).
   */
  static boolean sameKind(LinkSpec spec, LinkMessage link) {
    if (!spec.kind().equals(link.kind())) {
      return false;
    }
    if (spec.type().number() != 0 && spec.type().number() != link.type()) {
      return false;
    }
    if (spec.vlan() != null && link.info() instanceof VlanInfo vlan) {
      return vlan.id() == spec.vlan().vlanId() && vlan.protocol() == spec.vlan().vlanProtocol().protoNumber();
    }
    if (spec.kind().equals("bond") && link.info() instanceof BondInfo bond) {
      BondMasterSpec wanted = spec.bondMaster();
      return bond.mode() == (wanted == null ? BondInfo.BALANCE_RR : wanted.mode().protoNumber())
          && bond.failOverMac() == (wanted == null ? 0 : wanted.failOverMac().protoNumber());
    }
    return true;
  }

  /**
   * {@code wanted} as the bonding driver would report it once applied, so that a bond already as the spec says
   * shows no difference (and is not changed on every pass): the delays rounded down to a multiple of
   * {@code miimon}, as the kernel keeps them; the primary compared only when both sides name one, since the kernel
   * reports it only once that port is enslaved (Talos compares it so too); MII and ARP monitoring left as they are
   * when the spec asks for both at once, which the kernel refuses on a new bond and, on a change, resolves by
   * keeping the one set last.
   */
  static BondInfo asTheKernelKeepsIt(BondInfo wanted, BondInfo current) {
    var b = wanted.toBuilder();
    if (wanted.primaryIndex() == 0 || current.primaryIndex() == 0) {
      b.primaryIndex(current.primaryIndex());
    }
    int miimon = wanted.miimon();
    if (miimon != 0 && wanted.arpInterval() != 0) {
      miimon = current.miimon();
      b.miimon(miimon).arpInterval(current.arpInterval());
    }
    if (miimon != 0) {
      b.updelay(wanted.updelay() / miimon * miimon).downdelay(wanted.downdelay() / miimon * miimon)
          .peerNotifyDelay(wanted.peerNotifyDelay() / miimon * miimon);
    }
    return b.build();
  }

  /** The creation request, or empty while the link it sits on (a VLAN's parent) does not exist. */
  static Optional<LinkRequest> request(LinkSpec spec, Map<String, LinkMessage> byName) {
    LinkInfo info = switch (spec.kind()) {
      case "bridge" -> bridge(spec);
      case "bond" -> bond(spec.bondMaster(), byName);
      case "vlan" -> new VlanInfo(spec.vlan().vlanId(), spec.vlan().vlanProtocol().protoNumber());
      case "dummy" -> new DummyInfo();
      case "wireguard" -> new WireguardInfo();
      case "veth" -> new VethInfo(Objects.requireNonNull(spec.veth(), "veth").peerName());
      default -> throw new IllegalArgumentException("link " + spec.name() + ": kind " + spec.kind()
          + " is not supported by Spindle's link controller");
    };
    LinkRequest request = LinkRequest.of(spec.name(), info);
    if (!spec.parentName().isEmpty()) {
      LinkMessage parent = byName.get(spec.parentName());
      if (parent == null) {
        return Optional.empty();
      }
      request = request.withParent(parent.index());
    }
    if (spec.mtu() != 0) {
      request = request.withMtu(spec.mtu());
    }
    if (!spec.hardwareAddr().isEmpty()) {
      request = request.withHardwareAddr(spec.hardwareAddr().bytes());
    }
    return Optional.of(request);
  }

  static BridgeInfo bridge(LinkSpec spec) {
    BridgeMasterSpec bridge = spec.bridgeMaster();
    return bridge == null ? new BridgeInfo(0, false)
        : new BridgeInfo(bridge.stp().enabled() ? 1 : 0, bridge.vlan().filteringEnabled());
  }

  /**
   * Every setting of the spec, in kernel numbers; a {@code primary} port named in the spec is sent by index once it
   * exists. Which of them the kernel accepts in which mode is the bond codec's business.
   */
  static BondInfo bond(BondMasterSpec bond, Map<String, LinkMessage> byName) {
    if (bond == null) {
      return BondInfo.builder(BondInfo.BALANCE_RR).build();
    }
    var b = BondInfo.builder(bond.mode().protoNumber()).miimon(bond.miimon()).updelay(bond.updelay())
        .downdelay(bond.downdelay()).useCarrier(bond.useCarrier()).arpInterval(bond.arpInterval())
        .arpIpTargets(bond.arpIpTargets().stream().map(IpAddr::bytes).toList())
        .arpValidate(bond.arpValidate().protoNumber()).arpAllTargets(bond.arpAllTargets().protoNumber())
        .primaryReselect(bond.primaryReselect().protoNumber()).failOverMac(bond.failOverMac().protoNumber())
        .xmitHashPolicy(bond.xmitHashPolicy().protoNumber()).allSlavesActive(bond.allSlavesActive())
        .minLinks(bond.minLinks()).lacpRate(bond.lacpRate().protoNumber()).adSelect(bond.adSelect().protoNumber())
        .adUserPortKey(bond.adUserPortKey()).peerNotifyDelay(bond.peerNotifyDelay());
    // an unset (zero) setting keeps the kernel's default, as Talos fills them in: several of these reject 0
    nonZero(bond.resendIgmp(), b::resendIgmp);
    nonZero(bond.numPeerNotif(), b::numPeerNotif);
    nonZero(bond.lpInterval(), b::lpInterval);
    nonZero(bond.packetsPerSlave(), b::packetsPerSlave);
    nonZero(bond.adActorSysPrio(), b::adActorSysPrio);
    nonZero(bond.tlbLogicalLb(), b::tlbDynamicLb);
    nonZero(bond.missedMax(), b::missedMax);
    if (bond.adLacpActive() != null) {
      b.adLacpActive(bond.adLacpActive().protoNumber());
    }
    LinkMessage primary = bond.primary().isEmpty() ? null : byName.get(bond.primary());
    if (primary != null) {
      b.primaryIndex(primary.index());
    } else if (bond.primaryIndex() != null) {
      b.primaryIndex(bond.primaryIndex());
    }
    return b.build();
  }

  private static void nonZero(int value, java.util.function.IntConsumer set) {
    if (value != 0) {
      set.accept(value);
    }
  }
}

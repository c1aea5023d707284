package dev.spindle.controllers.network;

import com.fasterxml.jackson.databind.JsonNode;
import dev.spindle.resources.network.AdSelect;
import dev.spindle.resources.network.ArpAllTargets;
import dev.spindle.resources.network.ArpValidate;
import dev.spindle.resources.network.BondMasterSpec;
import dev.spindle.resources.network.BondMode;
import dev.spindle.resources.network.BondXmitHashPolicy;
import dev.spindle.resources.network.FailOverMac;
import dev.spindle.resources.network.LacpRate;
import dev.spindle.resources.network.PrimaryReselect;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A bond's settings as the config stage writes them into a {@link dev.spindle.resources.network.LinkSpec}: read from
 * a legacy {@code machine.network.interfaces[].bond} section (Talos's {@code SetBondMasterLegacy}; an empty enum text
 * is the enum's default), and completed with the kernel's defaults (Talos's {@code BondMasterSpec.FillDefaults}), so
 * the spec says what the kernel will report back.
 */
final class BondSettings {
  private BondSettings() {}

  /**
   * The legacy section's settings, {@code primary} resolved to a link name, defaults filled.
   *
   * @throws IllegalArgumentException an enum field with a value Talos does not know (the message names it)
   */
  static BondMasterSpec legacy(JsonNode bond, UnaryOperator<String> resolve) {
    String primary = text(bond, "primary");
    var spec = new BondMasterSpec(
        parse(bond, "mode", BondMode::parse), parse(bond, "xmitHashPolicy", BondXmitHashPolicy::parse),
        parse(bond, "lacpRate", LacpRate::parse), parse(bond, "arpValidate", ArpValidate::parse),
        parse(bond, "arpAllTargets", ArpAllTargets::parse), null,
        parse(bond, "primaryReselect", PrimaryReselect::parse), parse(bond, "failOverMac", FailOverMac::parse),
        parse(bond, "adSelect", AdSelect::parse), num(bond, "miimon"), num(bond, "updelay"), num(bond, "downdelay"),
        num(bond, "arpInterval"), num(bond, "resendIgmp"), num(bond, "minLinks"), num(bond, "lpInterval"),
        num(bond, "packetsPerSlave"), num(bond, "numPeerNotif"), num(bond, "tlbDynamicLb"),
        num(bond, "allSlavesActive"), bond.path("useCarrier").asBoolean(false), num(bond, "adActorSysPrio"),
        num(bond, "adUserPortKey"), num(bond, "peerNotifyDelay"), null, null, null, 0,
        primary.isEmpty() ? "" : resolve.apply(primary));
    return withDefaults(spec);
  }

  /** A multi-document {@code BondConfig}'s settings with {@code primary} resolved and defaults filled. */
  static BondMasterSpec document(BondMasterSpec s, UnaryOperator<String> resolve) {
    return withDefaults(copy(s, s.resendIgmp(), s.lpInterval(), s.packetsPerSlave(), s.numPeerNotif(),
        s.tlbLogicalLb(), s.adActorSysPrio(), s.missedMax(), s.primary().isEmpty() ? "" : resolve.apply(s.primary())));
  }

  /**
   * Talos's {@code FillDefaults}: {@code useCarrier} always on (Linux 6.18 locks it), resendIgmp, lpInterval,
   * packetsPerSlave and numPeerNotif 1 when 0, tlbLogicalLb 1 outside the tlb/alb modes, adActorSysPrio 65535 for
   * 802.3ad when 0, missedMax 2 when 0 outside 802.3ad/tlb/alb.
   */
  static BondMasterSpec withDefaults(BondMasterSpec s) {
    BondMode mode = s.mode();
    boolean tlbOrAlb = mode == BondMode.BALANCE_ALB || mode == BondMode.BALANCE_TLB;
    return copy(s, orOne(s.resendIgmp()), orOne(s.lpInterval()), orOne(s.packetsPerSlave()), orOne(s.numPeerNotif()),
        tlbOrAlb ? s.tlbLogicalLb() : 1,
        mode == BondMode.IEEE_802_3AD && s.adActorSysPrio() == 0 ? 65535 : s.adActorSysPrio(),
        mode != BondMode.IEEE_802_3AD && !tlbOrAlb && s.missedMax() == 0 ? 2 : s.missedMax(), s.primary());
  }

  private static BondMasterSpec copy(BondMasterSpec s, int resendIgmp, int lpInterval, int packetsPerSlave,
      int numPeerNotif, int tlbLogicalLb, int adActorSysPrio, int missedMax, String primary) {
    return new BondMasterSpec(s.mode(), s.xmitHashPolicy(), s.lacpRate(), s.arpValidate(), s.arpAllTargets(),
        s.primaryIndex(), s.primaryReselect(), s.failOverMac(), s.adSelect(), s.miimon(), s.updelay(), s.downdelay(),
        s.arpInterval(), resendIgmp, s.minLinks(), lpInterval, packetsPerSlave, numPeerNotif, tlbLogicalLb,
        s.allSlavesActive(), true, adActorSysPrio, s.adUserPortKey(), s.peerNotifyDelay(), s.arpIpTargets(),
        s.nsIp6Targets(), s.adLacpActive(), missedMax, primary);
  }

  private static int orOne(int value) {
    return value == 0 ? 1 : value;
  }

  private static String text(JsonNode bond, String key) {
    JsonNode value = bond.path(key);
    return value.isTextual() ? value.textValue() : "";
  }

  private static int num(JsonNode bond, String key) {
    return bond.path(key).asInt(0);
  }

  private static <E> E parse(JsonNode bond, String key, Function<String, E> parser) {
    String text = text(bond, key);
    if (text.isEmpty()) {
      return null;
    }
    try {
      return parser.apply(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("bond " + key + " \"" + text + "\": " + e.getMessage(), e);
    }
  }
}

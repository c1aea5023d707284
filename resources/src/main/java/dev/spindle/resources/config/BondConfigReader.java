package dev.spindle.resources.config;

import static dev.spindle.resources.config.LinkDocumentFields.enumValue;
import static dev.spindle.resources.config.LinkDocumentFields.intOrZero;

import dev.spindle.resources.network.AdLacpActive;
import dev.spindle.resources.network.AdSelect;
import dev.spindle.resources.network.ArpAllTargets;
import dev.spindle.resources.network.ArpValidate;
import dev.spindle.resources.network.BondMasterSpec;
import dev.spindle.resources.network.BondMode;
import dev.spindle.resources.network.BondXmitHashPolicy;
import dev.spindle.resources.network.FailOverMac;
import dev.spindle.resources.network.IpAddr;
import dev.spindle.resources.network.LacpRate;
import dev.spindle.resources.network.PrimaryReselect;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a {@code BondConfig} document, with Talos's checks ({@code BondConfigV1Alpha1.Validate}): a name, at least
 * one link, a {@code bondMode}; {@code primary} non-empty, one of the links, and only in the modes that use one
 * (active-backup, balance-tlb, balance-alb); warnings for an 802.3ad bond without miimon/updelay/downdelay and for a
 * {@code primaryReselect} without {@code primary}.
 */
final class BondConfigReader {
  private static final Set<BondMode> USES_PRIMARY =
      Set.of(BondMode.ACTIVE_BACKUP, BondMode.BALANCE_TLB, BondMode.BALANCE_ALB);

  private BondConfigReader() {}

  static BondConfig read(Node root, Problems problems) {
    String name = LinkDocumentFields.name(root, problems);
    var hardwareAddr = LinkDocumentFields.hardwareAddr(root, problems);
    List<String> links = LinkDocumentFields.links(root);
    Node kind = YamlTree.keyNode(root, "kind");
    if (links.isEmpty()) {
      problems.error(YamlTree.has(root, "links") ? YamlTree.field(root, "links") : kind, "links", null,
          "at least one link must be specified");
    }
    BondMode mode = enumValue(root, "bondMode", BondMode.class, problems);
    if (!YamlTree.has(root, "bondMode")) {
      problems.error(kind, "bondMode", null, "bond mode must be specified");
    } else if (mode == BondMode.IEEE_802_3AD) {
      for (String key : List.of("miimon", "updelay", "downdelay")) {
        if (!YamlTree.has(root, key)) {
          problems.warning(YamlTree.keyNode(root, "bondMode"), key, key + " was not specified for 802.3ad bond");
        }
      }
    }
    Node primaryNode = YamlTree.field(root, "primary");
    String primary = YamlTree.text(primaryNode);
    if (YamlTree.has(root, "primary")) {
      Node at = primaryNode == null ? YamlTree.keyNode(root, "primary") : primaryNode;
      if (primary == null || primary.isEmpty()) {
        problems.error(at, "primary", null, "primary link name can't be empty");
      } else if (!links.contains(primary)) {
        problems.error(at, "primary", Problems.shown(primaryNode, false),
            "primary link \"" + primary + "\" is not in the list of bonded links");
      }
      if (mode != null && !USES_PRIMARY.contains(mode)) {
        problems.error(at, "primary", null, "primary link is not supported in \"" + mode.text() + "\" bond mode");
      }
    } else if (YamlTree.has(root, "primaryReselect") && mode != null && USES_PRIMARY.contains(mode)) {
      problems.warning(YamlTree.keyNode(root, "primaryReselect"), "primaryReselect",
          "primaryReselect has no effect unless primary is specified");
    }
    var settings = new BondMasterSpec(mode, enumValue(root, "xmitHashPolicy", BondXmitHashPolicy.class, problems),
        enumValue(root, "lacpRate", LacpRate.class, problems),
        enumValue(root, "arpValidate", ArpValidate.class, problems),
        enumValue(root, "arpAllTargets", ArpAllTargets.class, problems), null,
        enumValue(root, "primaryReselect", PrimaryReselect.class, problems),
        enumValue(root, "failOverMac", FailOverMac.class, problems),
        enumValue(root, "adSelect", AdSelect.class, problems),
        num(root, "miimon"), num(root, "updelay"), num(root, "downdelay"), num(root, "arpInterval"),
        num(root, "resendIGMP"), num(root, "minLinks"), num(root, "lpInterval"), num(root, "packetsPerSlave"),
        num(root, "numPeerNotif"), num(root, "tlbLogicalLb"), num(root, "allSlavesActive"), false,
        num(root, "adActorSysPrio"), num(root, "adUserPortKey"), num(root, "peerNotifDelay"),
        addrs(root, "arpIpTargets", problems), addrs(root, "nsIp6Targets", problems),
        enumValue(root, "adLACPActive", AdLacpActive.class, problems), num(root, "missedMax"),
        primary == null ? "" : primary);
    return new BondConfig(name, hardwareAddr, links, settings, LinkDocumentFields.common(root, problems));
  }

  private static int num(Node root, String key) {
    return intOrZero(YamlTree.field(root, key));
  }

  private static List<IpAddr> addrs(Node root, String key, Problems problems) {
    var out = new ArrayList<IpAddr>();
    List<Node> items = YamlTree.items(YamlTree.field(root, key));
    for (int i = 0; i < items.size(); i++) {
      String text = YamlTree.text(items.get(i));
      try {
        out.add(IpAddr.parse(text));
      } catch (IllegalArgumentException | NullPointerException e) {
        problems.error(items.get(i), FieldPath.index(key, i), Problems.shown(items.get(i), false),
            "must be a valid IP address");
      }
    }
    return out;
  }
}

package dev.spindle.controllers.network;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spindle.resources.ConfigLayer;
import dev.spindle.resources.network.BondSlave;
import dev.spindle.resources.network.LinkSpec;
import dev.spindle.resources.network.LinkType;
import dev.spindle.resources.network.VlanProtocol;
import dev.spindle.resources.network.VlanSpec;
import dev.spindle.resources.runtime.KernelArgs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code cmdline} layer's links, as Talos's {@code ParseCmdlineNetwork} builds its {@code NetworkLinkSpecs}: one
 * {@code {name, up}} per {@code ip=} link (from {@link CmdlineNetwork#linkConfigs()}), then the first
 * {@code vlan=<name>:<parent>} (dracut's form; the name is {@code <parent>.<vid>} or {@code vlan<vid>}) as a VLAN
 * link named {@link VlanLinkName} of the parent as written, on the parent resolved through aliases. A VLAN an
 * {@code ip=} already named is upgraded in place, not duplicated.
 *
 * <p>Before the VLAN, the first {@code bond=<name>[:<slaves>[:<options>[:<mtu>]]]} (dracut's form, Talos's
 * subset of its options) gives a logical bond (with the kernel's defaults filled, {@link BondSettings}) and its
 * slaves, {@code eth0} and {@code eth1} when none are named, resolved through aliases, each a member in order.
 */
final class CmdlineLinks {
  private CmdlineLinks() {}

  static List<LinkSpec> parse(KernelArgs args, CmdlineNetwork network, LinkResolver links)
      throws CmdlineNetworkException {
    var specs = new ArrayList<LinkSpec>();
    for (CmdlineNetwork.LinkConfig link : network.linkConfigs()) {
      specs.add(LinkSpec.builder(link.linkName(), ConfigLayer.CMDLINE).up(true).build());
    }
    var bond = args.first("bond");
    if (bond.isPresent() && bond.get() != null) {
      bond(bond.get(), links, specs);
    }
    var vlan = args.first("vlan");
    if (vlan.isPresent() && vlan.get() != null) {
      String arg = vlan.get();
      int colon = arg.indexOf(':');
      if (colon < 0) {
        throw new CmdlineNetworkException("malformed vlan commandline argument: " + arg);
      }
      String vlanName = arg.substring(0, colon);
      String parent = arg.substring(colon + 1);
      String number;
      int dot = vlanName.indexOf('.');
      if (dot >= 0) {
        number = vlanName.substring(dot + 1);
      } else if (vlanName.startsWith("vlan")) {
        number = vlanName.substring(4);
      } else {
        throw new CmdlineNetworkException("malformed vlan commandline argument: " + arg);
      }
      // Go's Atoi yields 0 on a parse error, and Talos checks the range first
      int vid = number.matches("[+-]?[0-9]{1,9}") ? Integer.parseInt(number) : 0;
      if (vid < 1 || vid > 4095) {
        throw new CmdlineNetworkException("invalid vlanID=" + vid + ", must be in the range 1..4095: " + arg);
      }
      String name = VlanLinkName.of(parent, vid);
      LinkSpec spec = vlanLink(LinkSpec.builder(name, ConfigLayer.CMDLINE).up(true).build(), links.resolve(parent),
          new VlanSpec(vid, VlanProtocol.IEEE_802_1Q));
      int existing = -1;
      for (int i = 0; i < specs.size(); i++) {
        if (specs.get(i).name().equals(name)) {
          existing = i;
          break;
        }
      }
      if (existing >= 0) {
        specs.set(existing, vlanLink(specs.get(existing), links.resolve(parent),
            new VlanSpec(vid, VlanProtocol.IEEE_802_1Q)));
      } else {
        specs.add(spec);
      }
    }
    return specs;
  }

  /** dracut option names → the legacy {@code bond} section's keys, which {@link BondSettings#legacy} reads. */
  private static final Map<String, String> TEXT_OPTIONS = Map.of("mode", "mode", "xmit_hash_policy",
      "xmitHashPolicy", "lacp_rate", "lacpRate", "arp_validate", "arpValidate", "arp_all_targets", "arpAllTargets",
      "primary", "primary", "primary_reselect", "primaryReselect", "fail_over_mac", "failOverMac", "ad_select",
      "adSelect");
  private static final Map<String, String> NUMBER_OPTIONS = Map.ofEntries(Map.entry("miimon", "miimon"),
      Map.entry("updelay", "updelay"), Map.entry("downdelay", "downdelay"), Map.entry("arp_interval", "arpInterval"),
      Map.entry("resend_igmp", "resendIgmp"), Map.entry("min_links", "minLinks"),
      Map.entry("lp_interval", "lpInterval"), Map.entry("packets_per_slave", "packetsPerSlave"),
      Map.entry("num_grat_arp", "numPeerNotif"), Map.entry("num_unsol_na", "numPeerNotif"),
      Map.entry("all_slaves_active", "allSlavesActive"), Map.entry("use_carrier", "useCarrier"));

  private static void bond(String arg, LinkResolver links, List<LinkSpec> specs) throws CmdlineNetworkException {
    String[] fields = arg.split(":", -1);
    String name = fields[0];
    List<String> slaves = fields.length > 1 && !fields[1].isEmpty() ? List.of(fields[1].split(",", -1))
        : List.of("eth0", "eth1");
    ObjectNode options = fields.length > 2 && !fields[2].isEmpty() ? bondOptions(fields[2])
        : JsonNodeFactory.instance.objectNode();
    var master = LinkSpec.builder(name, ConfigLayer.CMDLINE).up(true).logical(true).kind("bond")
        .type(LinkType.ETHER);
    if (fields.length > 3 && !fields[3].isEmpty()) {
      master.mtu(atoi(fields[3], "error parsing bond MTU: "));
    }
    try {
      master.bondMaster(BondSettings.legacy(options, links::resolve));
    } catch (IllegalArgumentException e) {
      throw new CmdlineNetworkException("error setting bond master: " + e.getMessage());
    }
    specs.add(master.build());
    for (int i = 0; i < slaves.size(); i++) {
      specs.add(LinkSpec.builder(links.resolve(slaves.get(i)), ConfigLayer.CMDLINE).up(true)
          .bondSlave(new BondSlave(name, i)).build());
    }
  }

  private static ObjectNode bondOptions(String text) throws CmdlineNetworkException {
    ObjectNode bond = JsonNodeFactory.instance.objectNode();
    for (String option : text.split(",", -1)) {
      int eq = option.indexOf('=');
      String key = eq < 0 ? option : option.substring(0, eq);
      String value = eq < 0 ? "" : option.substring(eq + 1);
      if (key.equals("arp_ip_target")) {
        continue; // Talos keeps the targets but its legacy bond master does not use them
      } else if (TEXT_OPTIONS.containsKey(key)) {
        bond.put(TEXT_OPTIONS.get(key), value);
      } else if (key.equals("use_carrier")) {
        bond.put("useCarrier", atoi(value, "error parsing bond option use_carrier: ") == 1);
      } else if (NUMBER_OPTIONS.containsKey(key)) {
        bond.put(NUMBER_OPTIONS.get(key), atoi(value, "error parsing bond option " + key + ": "));
      } else {
        throw new CmdlineNetworkException("unknown bond option: " + key);
      }
    }
    return bond;
  }

  /** Go's {@code strconv.Atoi}, with its error text. */
  private static int atoi(String text, String what) throws CmdlineNetworkException {
    if (!text.matches("[+-]?[0-9]{1,10}")) {
      throw new CmdlineNetworkException(what + "strconv.Atoi: parsing \"" + text + "\": invalid syntax");
    }
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new CmdlineNetworkException(what + "strconv.Atoi: parsing \"" + text + "\": value out of range");
    }
  }

  /** Talos's {@code vlanLink}: logical, up, kind vlan, type ether, on {@code parent}. */
  static LinkSpec vlanLink(LinkSpec spec, String parent, VlanSpec vlan) {
    return spec.toBuilder().logical(true).up(true).kind("vlan").type(LinkType.ETHER).parentName(parent).vlan(vlan)
        .build();
  }
}

package dev.spindle.controllers.network;

import dev.spindle.resources.ConfigLayer;
import dev.spindle.resources.network.LinkSpec;
import dev.spindle.resources.network.LinkType;
import dev.spindle.resources.network.VlanProtocol;
import dev.spindle.resources.network.VlanSpec;
import dev.spindle.resources.runtime.KernelArgs;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code cmdline} layer's links, as Talos's {@code ParseCmdlineNetwork} builds its {@code NetworkLinkSpecs}: one
 * {@code {name, up}} per {@code ip=} link (from {@link CmdlineNetwork#linkConfigs()}), then the first
 * {@code vlan=<name>:<parent>} (dracut's form; the name is {@code <parent>.<vid>} or {@code vlan<vid>}) as a VLAN
 * link named {@link VlanLinkName} of the parent as written, on the parent resolved through aliases. A VLAN an
 * {@code ip=} already named is upgraded in place, not duplicated.
 *
 * <p>Not parsed yet: {@code bond=}.
 */
final class CmdlineLinks {
  private CmdlineLinks() {}

  static List<LinkSpec> parse(KernelArgs args, CmdlineNetwork network, LinkResolver links)
      throws CmdlineNetworkException {
    var specs = new ArrayList<LinkSpec>();
    for (CmdlineNetwork.LinkConfig link : network.linkConfigs()) {
      specs.add(LinkSpec.builder(link.linkName(), ConfigLayer.CMDLINE).up(true).build());
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

  /** Talos's {@code vlanLink}: logical, up, kind vlan, type ether, on {@code parent}. */
  static LinkSpec vlanLink(LinkSpec spec, String parent, VlanSpec vlan) {
    return spec.toBuilder().logical(true).up(true).kind("vlan").type(LinkType.ETHER).parentName(parent).vlan(vlan)
        .build();
  }
}

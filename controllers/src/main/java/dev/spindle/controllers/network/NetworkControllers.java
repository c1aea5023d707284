package dev.spindle.controllers.network;

import dev.spindle.platform.network.Ethtool;
import dev.spindle.platform.network.Rtnetlink;
import dev.spindle.platform.sysfs.Sysfs;
import dev.spindle.platform.wireguard.UnavailableWireGuard;
import dev.spindle.platform.wireguard.WireGuard;
import dev.spindle.runtime.controller.Controller;
import java.util.ArrayList;
import java.util.List;

/** Every controller of the network domain, wired to the ports it needs; the daemon registers them all. */
public final class NetworkControllers {
  private NetworkControllers() {}

  /** Without sysfs: links carry no device facts and there are no predictable names. */
  public static List<Controller> all(Rtnetlink rtnl) {
    return kernelAndConfig(rtnl, new LinkStatusController(rtnl), UnavailableWireGuard.notConfigured());
  }

  /**
   * {@link #all(Rtnetlink)} with the link statuses' device facts from sysfs, and predictable interface names: computed
   * ({@link LinkNameStatusController}) and given to the links ({@link LinkRenameController}, off with
   * {@code net.ifnames=0}).
   */
  public static List<Controller> all(Rtnetlink rtnl, Sysfs sysfs) {
    return all(rtnl, sysfs, null, UnavailableWireGuard.notConfigured());
  }

  /**
   * Every port a node has: links also show ethtool's facts (carrier, speed, duplex, port, firmware; {@code null}:
   * none), and WireGuard links are made, configured and observed through {@code wireguard}.
   */
  public static List<Controller> all(Rtnetlink rtnl, Sysfs sysfs, Ethtool ethtool, WireGuard wireguard) {
    var controllers = new ArrayList<>(kernelAndConfig(rtnl, new LinkStatusController(rtnl, sysfs, ethtool,
        wireguard), wireguard));
    controllers.add(new LinkNameStatusController(sysfs));
    controllers.add(new LinkRenameController(rtnl));
    controllers.add(new WireguardPeerStatusController(wireguard));
    return List.copyOf(controllers);
  }

  private static List<Controller> kernelAndConfig(Rtnetlink rtnl, LinkStatusController links, WireGuard wireguard) {
    return List.of(
        links, new AddressStatusController(rtnl), new RouteStatusController(rtnl),
        // machine.network.interfaces[] bound to links (device selectors)
        new DeviceConfigController(),
        // LinkAliasConfig documents: CEL selectors → LinkAliasSpec per aliased physical link → IFLA_IFALIAS
        new LinkAliasConfigController(), new LinkAliasSpecController(rtnl),
        // addresses: config → merge → spec (the kernel); AddressStatusController observes
        new AddressConfigController(), AddressMerge.controller(), new AddressSpecController(rtnl),
        // links: config → merge → spec (the kernel); LinkStatusController observes
        new LinkConfigController(), LinkMerge.controller(), new LinkSpecController(rtnl, wireguard),
        // operators: recorded only, no DHCP client runs yet
        new OperatorConfigController(), OperatorMerge.controller(),
        // routes: config → merge → spec (the kernel); RouteStatusController observes
        new RouteConfigController(), RouteMerge.controller(), new RouteSpecController(rtnl),
        // resolvers, time servers, host name: config → merge → spec → status (and resolv.conf)
        new ResolverConfigController(), ResolverMerge.controller(), new ResolverSpecController(),
        new ResolvConfController(),
        new TimeServerConfigController(), TimeServerMerge.controller(), new TimeServerSpecController(),
        new HostnameConfigController(), HostnameMerge.controller(), new HostnameSpecController());
  }

}

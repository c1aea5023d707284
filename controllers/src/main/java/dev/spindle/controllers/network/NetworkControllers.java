package dev.spindle.controllers.network;

import dev.spindle.platform.network.Rtnetlink;
import dev.spindle.platform.sysfs.Sysfs;
import java.util.ArrayList;
import dev.spindle.runtime.controller.Controller;
import java.util.List;

/** Every controller of the network domain, wired to the ports it needs; the daemon registers them all. */
public final class NetworkControllers {
  private NetworkControllers() {}

  public static List<Controller> all(Rtnetlink rtnl) {
    return List.of(
        new LinkStatusController(rtnl), new AddressStatusController(rtnl), new RouteStatusController(rtnl),
        // machine.network.interfaces[] bound to links (device selectors)
        new DeviceConfigController(),
        // LinkAliasConfig documents: CEL selectors → LinkAliasSpec per aliased physical link
        new LinkAliasConfigController(),
        // addresses: config → merge → spec (the kernel); AddressStatusController observes
        new AddressConfigController(), AddressMerge.controller(), new AddressSpecController(rtnl),
        // resolvers, time servers, host name: config → merge → spec → status (and resolv.conf)
        new ResolverConfigController(), ResolverMerge.controller(), new ResolverSpecController(),
        new ResolvConfController(),
        new TimeServerConfigController(), TimeServerMerge.controller(), new TimeServerSpecController(),
        new HostnameConfigController(), HostnameMerge.controller(), new HostnameSpecController());
  }

  /** {@link #all(Rtnetlink)} and the controllers that read sysfs: predictable interface names. */
  public static List<Controller> all(Rtnetlink rtnl, Sysfs sysfs) {
    var controllers = new ArrayList<>(all(rtnl));
    controllers.add(new LinkNameStatusController(sysfs));
    return List.copyOf(controllers);
  }
}

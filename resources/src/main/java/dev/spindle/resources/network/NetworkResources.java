package dev.spindle.resources.network;

import dev.spindle.runtime.resource.ResourceDefinition;
import java.util.List;

/** Every resource definition of the network domain, for registration with a state and the CLI. */
public final class NetworkResources {
  public static final List<ResourceDefinition<? extends NetworkSpec>> ALL = List.of(LinkStatus.DEFINITION,
      AddressStatus.DEFINITION, RouteStatus.DEFINITION, AddressSpec.DEFINITION,
      TimeServerStatus.DEFINITION, TimeServerSpec.DEFINITION, ResolverSpec.DEFINITION, ResolverStatus.DEFINITION,
      HostnameSpec.DEFINITION, HostnameStatus.DEFINITION, DeviceConfigSpec.DEFINITION,
      DeviceSelectorStatus.DEFINITION, LinkNameStatus.DEFINITION, LinkSpec.DEFINITION,
      OperatorSpec.DEFINITION, RouteSpec.DEFINITION,
      LinkAliasSpec.DEFINITION, LinkAliasConfigStatus.DEFINITION, LinkRefresh.DEFINITION,
      WireguardPeerStatus.DEFINITION);

  private NetworkResources() {}
}

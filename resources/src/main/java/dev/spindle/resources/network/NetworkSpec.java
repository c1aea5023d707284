package dev.spindle.resources.network;

/**
 * The spec records of the network domain. Sealed so that {@link NetworkResources#ALL} can be checked against the
 * permitted subclasses: a new resource type cannot be added without registering its definition.
 */
public sealed interface NetworkSpec permits LinkStatus, AddressStatus, RouteStatus, AddressSpec, TimeServerStatus,
    TimeServerSpec, ResolverSpec,
    ResolverStatus, HostnameSpec, HostnameStatus, DeviceConfigSpec, DeviceSelectorStatus, LinkNameStatus, LinkSpec,
    OperatorSpec, RouteSpec, LinkAliasSpec, LinkAliasConfigStatus, LinkRefresh, WireguardPeerStatus {}

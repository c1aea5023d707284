package dev.spindle.resources.network;

import dev.spindle.runtime.codec.OmitEmpty;
import dev.spindle.runtime.codec.ProtoField;

/**
 * Settings of a DHCPv4 operator, as Talos's {@code DHCP4OperatorSpec} (its {@code clientIdentifier}, field 3, is not
 * modelled yet).
 */
public record Dhcp4OperatorSpec(
    @ProtoField(1) int routeMetric,
    @ProtoField(2) @OmitEmpty boolean skipHostnameRequest,
    @ProtoField(4) @OmitEmpty boolean skipRoutes) {}

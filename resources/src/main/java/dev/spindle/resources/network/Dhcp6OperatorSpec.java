package dev.spindle.resources.network;

import dev.spindle.runtime.codec.OmitEmpty;
import dev.spindle.runtime.codec.ProtoField;

/**
 * Settings of a DHCPv6 operator, as Talos's {@code DHCP6OperatorSpec} (its {@code clientIdentifier}, field 4, is not
 * modelled yet).
 */
public record Dhcp6OperatorSpec(
    @ProtoField(2) int routeMetric,
    @ProtoField(3) @OmitEmpty boolean skipHostnameRequest) {}

package dev.spindle.resources.network;

import dev.spindle.runtime.codec.ProtoField;

/** VLAN settings of a bridge (IFLA_BR_VLAN_FILTERING). */
public record BridgeVlanSpec(@ProtoField(1) boolean filteringEnabled) {}

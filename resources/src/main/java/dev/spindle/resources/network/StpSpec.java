package dev.spindle.resources.network;

import dev.spindle.runtime.codec.ProtoField;

/** Spanning Tree Protocol settings of a bridge (IFLA_BR_STP_STATE). */
public record StpSpec(@ProtoField(1) boolean enabled) {}

package dev.spindle.resources.config;

import dev.spindle.resources.network.IpPrefix;

/** One {@code addresses[]} entry of a link document: the address with its prefix, and an optional route metric. */
public record LinkAddressConfig(IpPrefix address, Integer routePriority) {}

package dev.spindle.resources.network;

import dev.spindle.runtime.codec.ProtoField;

/**
 * The other end of a link of kind {@code veth}, by name; {@code ""} when the peer is not (or no longer) in this
 * network namespace.
 */
public record VethSpec(@ProtoField(1) String peerName) {
  public VethSpec {
    peerName = peerName == null ? "" : peerName;
  }
}

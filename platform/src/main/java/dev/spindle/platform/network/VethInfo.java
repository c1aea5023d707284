package dev.spindle.platform.network;

import java.util.Objects;

/**
 * A veth pair to create ({@code VETH_INFO_PEER}: the peer's own ifinfomsg and name). Request only: the kernel reports
 * no veth data, the peer shows as {@link LinkMessage#parentIndex()} instead.
 *
 * @param peerName the other end's name (IFNAMSIZ rules apply)
 */
public record VethInfo(String peerName) implements LinkInfo {
  public VethInfo {
    Objects.requireNonNull(peerName, "peerName");
  }

  @Override
  public String kind() {
    return "veth";
  }
}

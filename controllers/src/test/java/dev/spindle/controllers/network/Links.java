package dev.spindle.controllers.network;

import dev.spindle.resources.network.HardwareAddr;
import dev.spindle.resources.network.LinkStatus;
import dev.spindle.resources.network.LinkType;
import dev.spindle.runtime.resource.Resource;

/** LinkStatus fixtures for the selector tests. */
final class Links {
  private Links() {}

  static Resource<LinkStatus> link(String id, LinkStatus.Builder builder) {
    return Resource.of(LinkStatus.DEFINITION, id, builder.build());
  }

  static LinkStatus.Builder ether() {
    return LinkStatus.builder().type(LinkType.ETHER);
  }

  static Resource<LinkStatus> withPermanentAddr(String id, String mac) {
    return link(id, ether().permanentAddr(mac.isEmpty() ? HardwareAddr.EMPTY : HardwareAddr.parse(mac)));
  }
}

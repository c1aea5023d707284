package dev.spindle.controllers.network;

import dev.spindle.platform.network.LinkMessage;
import dev.spindle.platform.network.NetlinkException;
import dev.spindle.platform.network.Rtnetlink;
import java.util.HashMap;
import java.util.Map;

/**
 * The kernel's links by name and by index, from one dump: specs name links, kernel objects refer to them by index,
 * and the spec controllers need both directions within one consistent view.
 */
record LinkTable(Map<String, Integer> indexes, Map<Integer, String> names) {
  LinkTable {
    indexes = Map.copyOf(indexes);
    names = Map.copyOf(names);
  }

  static LinkTable dump(Rtnetlink rtnl) throws NetlinkException {
    Map<String, Integer> indexes = new HashMap<>();
    Map<Integer, String> names = new HashMap<>();
    for (LinkMessage link : rtnl.links()) {
      indexes.put(link.name(), link.index());
      names.put(link.index(), link.name());
    }
    return new LinkTable(indexes, names);
  }
}

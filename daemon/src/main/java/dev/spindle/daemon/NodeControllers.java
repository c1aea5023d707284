package dev.spindle.daemon;

import dev.spindle.controllers.network.NetworkControllers;
import dev.spindle.platform.network.NetlinkException;
import dev.spindle.runtime.controller.Controller;
import java.util.ArrayList;
import java.util.List;

/** Every controller the node runs, each domain wired to the platform's ports. */
final class NodeControllers {
  private NodeControllers() {}

  static List<Controller> all(DaemonOptions options) throws NetlinkException {
    var all = new ArrayList<Controller>();
    all.addAll(NetworkControllers.all(options.platform().rtnetlink()));
    return List.copyOf(all);
  }
}

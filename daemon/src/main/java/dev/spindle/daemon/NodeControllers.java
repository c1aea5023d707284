package dev.spindle.daemon;

import dev.spindle.controllers.files.FilesControllers;
import dev.spindle.controllers.network.NetworkControllers;
import dev.spindle.controllers.runtime.RuntimeControllers;
import dev.spindle.platform.files.LocalNodeFiles;
import java.io.IOException;
import java.nio.file.Files;
import dev.spindle.controllers.runtime.OutboundHttp;
import dev.spindle.controllers.runtime.OutboundHttpController;
import dev.spindle.controllers.time.TimeControllers;
import dev.spindle.platform.network.NetlinkException;
import dev.spindle.runtime.controller.Controller;
import java.util.ArrayList;
import java.util.List;

/** Every controller the node runs, each domain wired to the platform's ports. */
final class NodeControllers {
  private NodeControllers() {}

  /** {@code outbound}: the node's one outbound HTTP client, kept current by its controller. */
  static List<Controller> all(DaemonOptions options, OutboundHttp outbound) throws NetlinkException, IOException {
    Platform platform = options.platform();
    var all = new ArrayList<Controller>();
    NetworkPorts network = platform.networkPorts();
    all.addAll(NetworkControllers.all(network.rtnetlink(), network.sysfs(), network.ethtool(), network.wireguard()));
    all.addAll(RuntimeControllers.all(platform.cmdline(options.stateDirectory())));
    all.addAll(FilesControllers.all(new LocalNodeFiles(Files.createDirectories(options.filesRoot()))));
    all.addAll(TimeControllers.all(platform.sntp(), platform.clock(options.setClock())));
    all.add(new OutboundHttpController(outbound));
    return List.copyOf(all);
  }
}

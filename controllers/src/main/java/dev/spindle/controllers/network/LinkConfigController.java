package dev.spindle.controllers.network;

import dev.spindle.controllers.config.ConfigController;
import dev.spindle.controllers.config.ConfigSources;
import dev.spindle.resources.network.LinkSpec;
import dev.spindle.resources.network.LinkStatus;
import dev.spindle.resources.network.Namespaces;
import dev.spindle.resources.runtime.KernelArgs;
import dev.spindle.runtime.controller.Input;
import dev.spindle.runtime.resource.Resource;
import dev.spindle.runtime.resource.ResourceQuery;
import dev.spindle.runtime.resource.ResourceReader;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The config stage of links, as Talos's {@code network.LinkConfigController}: writes {@code <layer>/<name>}
 * {@link LinkSpec}s into {@code network-config} from the kernel command line ({@code ip=}, {@code vlan=},
 * {@code talos.network.interface.ignore=}), the bound {@code machine.network.interfaces[]} entries and the link
 * documents, with {@code default/lo} and, while the configuration has no link documents, every otherwise unnamed
 * physical link up. The rules are {@link LinkConfigs}'; this class gathers the inputs.
 *
 * <p>A command line that does not parse is logged once and its layer left out, as Talos does. Names are resolved
 * against the {@link LinkStatus}es of the moment, so a spec follows a link's alias once the link appears.
 */
public final class LinkConfigController extends ConfigController<LinkSpec> {
  private final WarnOnce warnings = new WarnOnce(name());

  public LinkConfigController() {
    super(LinkSpec.DEFINITION, Namespaces.NETWORK_CONFIG);
  }

  @Override
  protected List<Input> inputs() {
    return LinkDocuments.INPUTS;
  }

  @Override
  public Map<String, LinkSpec> project(ResourceReader sources) {
    List<Resource<LinkStatus>> links = LinkDocuments.links(sources);
    LinkResolver resolver = LinkDocuments.resolver(sources);
    List<LinkSpec> cmdlineLinks = List.of();
    List<String> ignored = List.of();
    String cmdline = ConfigSources.cmdline(sources);
    try {
      KernelArgs args = KernelArgs.parse(cmdline);
      CmdlineNetwork network = CmdlineNetwork.parse(args, resolver);
      cmdlineLinks = CmdlineLinks.parse(args, network, resolver);
      ignored = network.ignoreInterfaces();
      warnings.clear("cmdline");
    } catch (CmdlineNetworkException e) {
      warnings.warn("cmdline", "ignoring the kernel command line's links: " + e.getMessage());
    }
    return LinkConfigs.plan(ConfigSources.machineConfig(sources), BoundDevices.read(sources), links, resolver,
        cmdlineLinks, ignored, warnings::warn);
  }
}

package dev.spindle.controllers.network;

import dev.spindle.controllers.config.ConfigController;
import dev.spindle.controllers.config.ConfigSources;
import dev.spindle.resources.ConfigLayer;
import dev.spindle.resources.config.HostnameConfig;
import dev.spindle.resources.config.MachineConfig;
import dev.spindle.resources.network.HostnameSpec;
import dev.spindle.resources.network.Namespaces;
import dev.spindle.runtime.controller.Input;
import dev.spindle.runtime.resource.ResourceReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The config stage of the host name, as Talos's {@code network.HostnameConfigController}: writes
 * {@code <layer>/hostname} into {@code network-config} for
 * <ul>
 *   <li>{@code cmdline}: {@code talos.hostname=}, else the host name field of {@code ip=};</li>
 *   <li>{@code configuration}: the {@code hostname} of the first {@code HostnameConfig} document, else v1alpha1
 *       {@code machine.network.hostname}.</li>
 * </ul>
 * Either may be a fully qualified name: it is split at the first dot into host and domain name. An invalid one (empty
 * host part, host part over 63 bytes, FQDN over 253) is left out with a warning, logged once, as Talos ignores it.
 *
 * <p>Not yet as in Talos: no automatic {@code default} host name. {@code auto: addr} ({@code talos-10-0-0-5}) needs
 * the node's default {@code NodeAddress} and {@code auto: stable} ({@code talos-xxx-yyy}) the cluster node identity;
 * Spindle has neither resource yet.
 */
public final class HostnameConfigController extends ConfigController<HostnameSpec> {
  private final WarnOnce warnings = new WarnOnce(name());
  private final CmdlineNetworkSource cmdline = new CmdlineNetworkSource(warnings);

  public HostnameConfigController() {
    super(HostnameSpec.DEFINITION, Namespaces.NETWORK_CONFIG);
  }

  @Override
  protected List<Input> inputs() {
    return List.of(ConfigSources.MACHINE_CONFIG, ConfigSources.KERNEL_CMDLINE);
  }

  @Override
  public Map<String, HostnameSpec> project(ResourceReader sources) {
    var specs = new LinkedHashMap<String, HostnameSpec>();
    cmdline.read(sources).map(CmdlineNetwork::hostname)
        .flatMap(name -> parse(name, ConfigLayer.CMDLINE, "kernel command line"))
        .ifPresent(spec -> specs.put(ConfigLayer.CMDLINE.id(HostnameSpec.ID), spec));
    ConfigSources.machineConfig(sources).map(HostnameConfigController::configured)
        .flatMap(name -> parse(name, ConfigLayer.CONFIGURATION, "machine configuration"))
        .ifPresent(spec -> specs.put(ConfigLayer.CONFIGURATION.id(HostnameSpec.ID), spec));
    return specs;
  }

  private Optional<HostnameSpec> parse(String fqdn, ConfigLayer layer, String source) {
    if (fqdn.isEmpty()) {
      warnings.clear("hostname/" + layer.text());
      return Optional.empty();
    }
    try {
      var spec = HostnameSpec.parseFqdn(fqdn, layer);
      warnings.clear("hostname/" + layer.text());
      return Optional.of(spec);
    } catch (IllegalArgumentException e) {
      warnings.warn("hostname/" + layer.text(), "ignoring the host name of the " + source + ": " + e.getMessage());
      return Optional.empty();
    }
  }

  /** Talos's {@code NetworkHostnameConfig().Hostname()}: the first document, else v1alpha1; {@code ""} if unset. */
  private static String configured(MachineConfig config) {
    List<HostnameConfig> documents = config.documents(HostnameConfig.class);
    if (!documents.isEmpty()) {
      String hostname = documents.get(0).hostname();
      return hostname == null ? "" : hostname;
    }
    return config.v1alpha1().map(v1 -> v1.machine().network().hostname()).orElse("");
  }
}

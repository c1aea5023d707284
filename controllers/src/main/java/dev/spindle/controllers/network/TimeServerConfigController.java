package dev.spindle.controllers.network;

import dev.spindle.controllers.config.ConfigController;
import dev.spindle.controllers.config.ConfigSources;
import dev.spindle.resources.ConfigLayer;
import dev.spindle.resources.config.MachineConfig;
import dev.spindle.resources.config.TimeSection;
import dev.spindle.resources.config.TimeSyncConfig;
import dev.spindle.resources.network.IpAddr;
import dev.spindle.resources.network.Namespaces;
import dev.spindle.resources.network.TimeServerSpec;
import dev.spindle.runtime.controller.Input;
import dev.spindle.runtime.resource.ResourceReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The config stage of the NTP servers, as Talos's {@code network.TimeServerConfigController}: writes
 * {@code <layer>/timeservers} into {@code network-config} for
 * <ul>
 *   <li>{@code default}, always: {@code time.cloudflare.com} with NTS;</li>
 *   <li>{@code cmdline}: the NTP field of {@code ip=}, if given (without NTS);</li>
 *   <li>{@code configuration}: the servers of the first {@code TimeSyncConfig} document ({@code ntp.servers} with
 *       {@code ntp.useNTS}, or for PTP the devices), or else v1alpha1 {@code machine.time.servers} (never NTS), when
 *       that list is set at all (an empty list is kept: no time servers).</li>
 * </ul>
 */
public final class TimeServerConfigController extends ConfigController<TimeServerSpec> {
  public static final String DEFAULT_SERVER = "time.cloudflare.com";

  private final CmdlineNetworkSource cmdline = new CmdlineNetworkSource(new WarnOnce(name()));

  public TimeServerConfigController() {
    super(TimeServerSpec.DEFINITION, Namespaces.NETWORK_CONFIG);
  }

  @Override
  protected List<Input> inputs() {
    return List.of(ConfigSources.MACHINE_CONFIG, ConfigSources.KERNEL_CMDLINE);
  }

  @Override
  public Map<String, TimeServerSpec> project(ResourceReader sources) {
    var specs = new LinkedHashMap<String, TimeServerSpec>();
    put(specs, new TimeServerSpec(List.of(DEFAULT_SERVER), true, ConfigLayer.DEFAULT));
    cmdline.read(sources).map(CmdlineNetwork::ntpAddresses).filter(ntp -> !ntp.isEmpty()).ifPresent(ntp ->
        put(specs, new TimeServerSpec(ntp.stream().map(IpAddr::toString).toList(), false, ConfigLayer.CMDLINE)));
    ConfigSources.machineConfig(sources).flatMap(TimeServerConfigController::configured)
        .ifPresent(spec -> put(specs, spec));
    return specs;
  }

  private static void put(Map<String, TimeServerSpec> specs, TimeServerSpec spec) {
    specs.put(spec.layer().id(TimeServerSpec.ID), spec);
  }

  /** Talos's {@code NetworkTimeSyncConfig()}: the first document, else {@code machine.time}; its servers if set. */
  private static Optional<TimeServerSpec> configured(MachineConfig config) {
    List<TimeSyncConfig> documents = config.documents(TimeSyncConfig.class);
    if (!documents.isEmpty()) {
      TimeSyncConfig doc = documents.get(0);
      return Optional.ofNullable(doc.servers())
          .map(servers -> new TimeServerSpec(servers, doc.useNts(), ConfigLayer.CONFIGURATION));
    }
    return config.v1alpha1().map(v1 -> v1.machine().time()).map(TimeSection::servers)
        .map(servers -> new TimeServerSpec(servers, false, ConfigLayer.CONFIGURATION));
  }
}

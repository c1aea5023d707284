package dev.spindle.controllers.network;

import dev.spindle.resources.config.ClusterSection;
import dev.spindle.resources.config.ConfigDocument;
import dev.spindle.resources.config.MachineConfig;
import dev.spindle.resources.config.MachineSection;
import dev.spindle.resources.config.NetworkSection;
import dev.spindle.resources.config.TimeSection;
import dev.spindle.resources.config.V1Alpha1Config;
import dev.spindle.resources.runtime.KernelCmdline;
import dev.spindle.runtime.resource.Resource;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Machine configurations and kernel command lines for the network config controller tests. */
final class MachineConfigs {
  private MachineConfigs() {}

  /** A v1alpha1 configuration with this {@code machine.network} and {@code machine.time} (null: absent). */
  static MachineConfig v1alpha1(NetworkSection network, TimeSection time) {
    var machine = new MachineSection("worker", Map.of(), List.of(), time, network, false);
    return new MachineConfig("# test v1alpha1", new V1Alpha1Config(machine, ClusterSection.EMPTY), List.of());
  }

  static MachineConfig emptyV1alpha1() {
    return v1alpha1(NetworkSection.EMPTY, null);
  }

  static NetworkSection network(String hostname, List<String> nameservers, List<String> searchDomains,
      boolean disableSearchDomain) {
    return new NetworkSection(hostname, nameservers, searchDomains, disableSearchDomain, List.of());
  }

  static TimeSection time(List<String> servers) {
    return new TimeSection(false, servers, Duration.ZERO);
  }

  /** A multi-document configuration without a v1alpha1 document. */
  static MachineConfig documents(ConfigDocument... documents) {
    return new MachineConfig("# test documents", null, List.of(documents));
  }

  static Resource<MachineConfig> resource(MachineConfig config) {
    return Resource.of(MachineConfig.DEFINITION, MachineConfig.ID, config);
  }

  static Resource<KernelCmdline> cmdline(String cmdline) {
    return Resource.of(KernelCmdline.DEFINITION, KernelCmdline.ID, new KernelCmdline(cmdline));
  }

  static final String TALOS_IP = "ip=172.20.0.2:172.21.0.1:172.20.0.1:255.255.255.0:master1:eth1::10.0.0.1:10.0.0.2:10.0.0.1";
}

package dev.spindle.controllers.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.resources.ConfigLayer;
import dev.spindle.resources.network.Namespaces;
import dev.spindle.resources.network.TimeServerSpec;
import dev.spindle.runtime.resource.Resource;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Talos's {@code timeserver_merge_test.go} vectors, inputs in id order as the merge controller gives them. */
class TimeServerMergeTest {
  private static Resource<TimeServerSpec> in(String id, ConfigLayer layer, boolean nts, String... servers) {
    return Resource.of(TimeServerSpec.DEFINITION, Namespaces.NETWORK_CONFIG, id,
        new TimeServerSpec(List.of(servers), nts, layer));
  }

  private static final Resource<TimeServerSpec> CONFIG =
      in("configuration/timeservers", ConfigLayer.CONFIGURATION, false, "my.ntp");
  private static final Resource<TimeServerSpec> DEFAULT =
      in("default/timeservers", ConfigLayer.DEFAULT, true, "time.cloudflare.com");
  private static final Resource<TimeServerSpec> DHCP0 = in("dhcp/eth0", ConfigLayer.OPERATOR, true, "ntp.eth0");
  private static final Resource<TimeServerSpec> DHCP1 = in("dhcp/eth1", ConfigLayer.OPERATOR, true, "ntp.eth1");

  private static TimeServerSpec merge(List<Resource<TimeServerSpec>> inputsInIdOrder) {
    return new TimeServerMerge().merge(inputsInIdOrder).get(TimeServerSpec.ID);
  }

  @Test
  void theConfigurationWinsWhole() {
    assertThat(merge(List.of(CONFIG, DEFAULT, DHCP0, DHCP1))).isEqualTo(CONFIG.spec());
  }

  @Test
  void withoutItTheOperatorLayersServersAreCombined() {
    assertThat(merge(List.of(DEFAULT, DHCP0, DHCP1)))
        .isEqualTo(new TimeServerSpec(List.of("ntp.eth0", "ntp.eth1"), true, ConfigLayer.OPERATOR));
  }

  @Test
  void ntsStaysOnlyIfEverySourceOfTheLayerUsesIt() {
    var plain = in("dhcp/eth2", ConfigLayer.OPERATOR, false, "ntp.eth2");
    assertThat(merge(List.of(DEFAULT, DHCP0, plain)).useNTS()).isFalse();
  }

  @Test
  void onlyTheDefaultGivesTheDefault() {
    assertThat(merge(List.of(DEFAULT))).isEqualTo(DEFAULT.spec());
    assertThat(new TimeServerMerge().merge(List.of())).isEmpty();
  }

  @Test
  void anEmptyConfiguredListMeansNoTimeServers() {
    var none = in("configuration/timeservers", ConfigLayer.CONFIGURATION, false);
    assertThat(merge(List.of(none, DEFAULT)).timeServers()).isEmpty();
  }
}

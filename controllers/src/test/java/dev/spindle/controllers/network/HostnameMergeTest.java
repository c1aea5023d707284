package dev.spindle.controllers.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.resources.ConfigLayer;
import dev.spindle.resources.network.HostnameSpec;
import dev.spindle.resources.network.Namespaces;
import dev.spindle.runtime.resource.Resource;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Talos's {@code hostname_merge_test.go} vectors, inputs in id order. */
class HostnameMergeTest {
  private static Resource<HostnameSpec> in(String id, ConfigLayer layer, String hostname, String domain) {
    return Resource.of(HostnameSpec.DEFINITION, Namespaces.NETWORK_CONFIG, id,
        new HostnameSpec(hostname, domain, layer));
  }

  private static final Resource<HostnameSpec> CONFIG =
      in("configuration/hostname", ConfigLayer.CONFIGURATION, "bar", "com");
  private static final Resource<HostnameSpec> DEFAULT = in("default/hostname", ConfigLayer.DEFAULT, "foo", "tld");
  private static final Resource<HostnameSpec> DHCP0 = in("dhcp/eth0", ConfigLayer.OPERATOR, "eth-0", "");
  private static final Resource<HostnameSpec> DHCP1 = in("dhcp/eth1", ConfigLayer.OPERATOR, "eth-1", "");

  private static HostnameSpec merge(List<Resource<HostnameSpec>> inputs) {
    return new HostnameMerge().merge(inputs).get(HostnameSpec.ID);
  }

  @Test
  void theConfigurationWins() {
    assertThat(merge(List.of(CONFIG, DEFAULT, DHCP0, DHCP1))).isEqualTo(CONFIG.spec());
  }

  @Test
  void withinALayerTheFirstIdWins() {
    assertThat(merge(List.of(DEFAULT, DHCP0, DHCP1))).isEqualTo(DHCP0.spec());
  }

  @Test
  void aSpecWithoutHostNameTakesNoPart() {
    var empty = in("dhcp/eth0", ConfigLayer.OPERATOR, "", "example.com");
    assertThat(merge(List.of(DEFAULT, empty))).isEqualTo(DEFAULT.spec());
    assertThat(new HostnameMerge().merge(List.of(empty))).isEmpty();
  }
}

package dev.spindle.controllers.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.resources.ConfigLayer;
import dev.spindle.resources.network.AddressFlag;
import dev.spindle.resources.network.AddressFlags;
import dev.spindle.resources.network.AddressSpec;
import dev.spindle.resources.network.IpPrefix;
import dev.spindle.resources.network.Namespaces;
import dev.spindle.resources.network.Scope;
import dev.spindle.runtime.resource.Resource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Talos's {@code address_merge_test.go} vectors (loopback, dhcp, static, cmdline), inputs in id order. */
class AddressMergeTest {
  private static Resource<AddressSpec> in(String prefix, String link, Scope scope, ConfigLayer layer, String idPrefix) {
    var spec = AddressSpec.permanent(IpPrefix.parse(prefix), link, scope, layer);
    return Resource.of(AddressSpec.DEFINITION, Namespaces.NETWORK_CONFIG, idPrefix + "/" + spec.id(), spec);
  }

  private static final Resource<AddressSpec> CMDLINE =
      in("10.0.0.1/8", "eth0", Scope.GLOBAL, ConfigLayer.CMDLINE, "cmdline");
  private static final Resource<AddressSpec> STATIC =
      in("10.0.0.35/32", "eth0", Scope.GLOBAL, ConfigLayer.CONFIGURATION, "configuration");
  private static final Resource<AddressSpec> LOOPBACK =
      in("127.0.0.1/8", "lo", Scope.HOST, ConfigLayer.DEFAULT, "default");
  private static final Resource<AddressSpec> DHCP =
      in("10.0.0.1/8", "eth0", Scope.GLOBAL, ConfigLayer.OPERATOR, "dhcp4/eth0");

  @Test
  void oneFinalSpecPerLinkAndAddressTheHighestLayerWinning() {
    Map<String, AddressSpec> merged = new AddressMerge().merge(List.of(CMDLINE, STATIC, LOOPBACK, DHCP));
    assertThat(merged).containsOnlyKeys("lo/127.0.0.1/8", "eth0/10.0.0.1/8", "eth0/10.0.0.35/32");
    assertThat(merged.get("lo/127.0.0.1/8")).isEqualTo(LOOPBACK.spec());
    assertThat(merged.get("eth0/10.0.0.1/8")).isEqualTo(DHCP.spec());
    assertThat(merged.get("eth0/10.0.0.35/32")).isEqualTo(STATIC.spec());
  }

  @Test
  void withoutTheOperatorTheCmdlineCopyWins() {
    assertThat(new AddressMerge().merge(List.of(CMDLINE, STATIC, LOOPBACK)).get("eth0/10.0.0.1/8"))
        .isEqualTo(CMDLINE.spec());
  }

  @Test
  void flagsTheKernelSetsByItselfAreDropped() {
    var spec = AddressSpec.permanent(IpPrefix.parse("10.0.0.1/8"), "eth0", Scope.GLOBAL, ConfigLayer.CONFIGURATION)
        .withFlags(AddressFlags.of(AddressFlag.PERMANENT, AddressFlag.TENTATIVE, AddressFlag.NO_PREFIX_ROUTE,
            AddressFlag.DEPRECATED));
    var merged = new AddressMerge().merge(List.of(Resource.of(AddressSpec.DEFINITION, Namespaces.NETWORK_CONFIG,
        spec.layeredId(), spec)));
    assertThat(merged.get("eth0/10.0.0.1/8").flags())
        .isEqualTo(AddressFlags.of(AddressFlag.PERMANENT, AddressFlag.NO_PREFIX_ROUTE));
  }
}

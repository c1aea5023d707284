package dev.spindle.controllers.network;

import static dev.spindle.controllers.network.Links.ether;
import static dev.spindle.controllers.network.Links.link;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.resources.network.LinkAliasSpec;
import dev.spindle.resources.network.LinkStatus;
import dev.spindle.runtime.resource.Resource;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Name resolution (R/link_name_resolver_test.go), and the aliases LinkAliasConfig gives. */
class LinkResolverTest {
  private static final List<Resource<LinkStatus>> LINKS = List.of(
      link("eth0", ether().alias("net0").altNames(List.of("ext0"))),
      link("eth1", ether()),
      link("eth2", ether().altNames(List.of("ext2"))),
      link("enp3s0", ether()));

  private static final List<Resource<LinkAliasSpec>> SPECS = List.of(
      Resource.of(LinkAliasSpec.DEFINITION, "enp3s0", new LinkAliasSpec("uplink")),
      Resource.of(LinkAliasSpec.DEFINITION, "eth1", new LinkAliasSpec("eth0")),
      Resource.of(LinkAliasSpec.DEFINITION, "gone0", new LinkAliasSpec("ghost")));

  @ParameterizedTest
  @CsvSource({"eth0, eth0", "net0, eth0", "ext0, eth0", "eth1, eth1", "eth2, eth2", "ext2, eth2", "eth3, eth3",
      "uplink, uplink"})
  void talosVectors(String name, String link) {
    assertThat(LinkResolver.of(LINKS).resolve(name)).isEqualTo(link);
  }

  @ParameterizedTest
  @CsvSource({"uplink, enp3s0", "net0, eth0", "ext0, eth0", "eth0, eth0", "ghost, ghost", "enp3s0, enp3s0"})
  void aLinkAliasSpecIsANameOfItsLinkButNeverHidesALinkName(String name, String link) {
    assertThat(LinkResolver.of(LINKS, SPECS).resolve(name)).isEqualTo(link);
  }
}

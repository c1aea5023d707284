package dev.spindle.resources.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.runtime.codec.ResourceYaml;
import dev.spindle.runtime.resource.PrintColumn;
import dev.spindle.runtime.resource.Sensitivity;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinkStatusTest {
  @Test
  void theTalosVectorPrintsByteForByte() {
    assertThat(ResourceYaml.encodeSpec(LinkStatusVector.spec())).isEqualTo(LinkStatusVector.YAML);
  }

  @Test
  void theTalosVectorReadsBackIntoAnEqualSpec() {
    assertThat(ResourceYaml.decodeSpec(LinkStatusVector.YAML, LinkStatus.class)).isEqualTo(LinkStatusVector.spec());
  }

  @Test
  void definitionMatchesTalos() {
    var d = LinkStatus.DEFINITION;
    assertThat(d.type()).isEqualTo("LinkStatuses.net.talos.dev");
    assertThat(d.displayType()).isEqualTo("LinkStatus");
    assertThat(d.defaultNamespace()).isEqualTo("network");
    assertThat(d.aliases()).containsExactly("link", "links", "linkstatus", "ls");
    assertThat(d.sensitivity()).isEqualTo(Sensitivity.NON_SENSITIVE);
    assertThat(d.printColumns()).containsExactly(new PrintColumn("Alias", "alias"), new PrintColumn("Type", "type"),
        new PrintColumn("Kind", "kind"), new PrintColumn("Hw Addr", "hardwareAddr"),
        new PrintColumn("Oper State", "operationalState"), new PrintColumn("Link State", "linkState"));
  }

  @Test
  void aPhysicalLinkIsAnEtherLinkWithoutKind() {
    assertThat(LinkStatus.builder().type(LinkType.ETHER).build().physical()).isTrue();
    assertThat(LinkStatus.builder().type(LinkType.ETHER).kind("vlan").build().physical()).isFalse();
    assertThat(LinkStatus.builder().type(LinkType.LOOPBACK).build().physical()).isFalse();
  }

  @Test
  void namesAreTheIdThenTheAliasThenTheAltNames() {
    var link = LinkStatus.builder().alias("net0").altNames(List.of("ext0", "enp0s3")).build();
    assertThat(link.allNames("eth0")).containsExactly("eth0", "net0", "ext0", "enp0s3");
    assertThat(LinkStatus.builder().altNames(List.of("ext2")).build().allAliases()).containsExactly("ext2");
  }

  @Test
  void allZeroKindPartsAreAbsentAsInGo() {
    var link = LinkStatus.builder().bridgeMaster(new BridgeMasterSpec(null, null)).veth(new VethSpec("")).build();
    assertThat(link.bridgeMaster()).isNull();
    assertThat(link.veth()).isNull();
    assertThat(LinkStatus.builder().veth(new VethSpec("veth1")).build().veth().peerName()).isEqualTo("veth1");
  }

  @Test
  void aMinimalLinkPrintsGoZeroValuesAndReadsBack() {
    var lo = LinkStatus.builder().index(1).type(LinkType.LOOPBACK)
        .flags(LinkFlags.of(LinkFlag.UP, LinkFlag.LOOPBACK, LinkFlag.RUNNING, LinkFlag.LOWER_UP))
        .hardwareAddr(HardwareAddr.of(new byte[6])).broadcastAddr(HardwareAddr.of(new byte[6])).mtu(65536)
        .queueDisc("noqueue").linkState(true).port(Port.OTHER).duplex(Duplex.UNKNOWN).build();
    String yaml = ResourceYaml.encodeSpec(lo);

    assertThat(yaml).isEqualTo("""
        index: 1
        type: loopback
        linkIndex: 0
        flags: UP,LOOPBACK,RUNNING,LOWER_UP
        hardwareAddr: '00:00:00:00:00:00'
        permanentAddr: ""
        broadcastAddr: '00:00:00:00:00:00'
        mtu: 65536
        queueDisc: noqueue
        operationalState: unknown
        kind: ""
        slaveKind: ""
        linkState: true
        port: Other
        duplex: Unknown
        """);
    assertThat(ResourceYaml.decodeSpec(yaml, LinkStatus.class)).isEqualTo(lo);
  }
}

package dev.spindle.resources.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.runtime.codec.ProtoSpecs;
import dev.spindle.runtime.codec.ResourceYaml;
import dev.spindle.resources.cel.LinkStatusMessage;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** LinkAliasSpec as Talos prints and encodes it, the Spindle status of a LinkAliasConfig, and a link as CEL sees it. */
class LinkAliasResourcesTest {
  @Test
  void linkAliasSpecIsTalosShaped() {
    var spec = new LinkAliasSpec("net0");
    assertThat(ResourceYaml.encodeSpec(spec)).isEqualTo("alias: net0\n");
    assertThat(HexFormat.of().formatHex(ProtoSpecs.encode(spec))).isEqualTo("0a046e657430"); // field 1, "net0"
    assertThat(LinkAliasSpec.DEFINITION.type()).isEqualTo("LinkAliasSpecs.net.talos.dev");
    assertThat(ResourceYaml.decodeSpec("alias: net0\n", LinkAliasSpec.class)).isEqualTo(spec);
  }

  @Test
  void aConfigStatusPrintsWhatItSelectedAndWhy() {
    var status = new LinkAliasConfigStatus("link.type == 1", List.of("enp1s3", "enp1s4"), List.of(), true,
        "link selector matched multiple links, skipping: enp1s3, enp1s4");
    String yaml = ResourceYaml.encodeSpec(status);
    assertThat(yaml).isEqualTo("""
        match: link.type == 1
        links:
            - enp1s3
            - enp1s4
        matched: true
        warning: 'link selector matched multiple links, skipping: enp1s3, enp1s4'
        """);
    assertThat(ResourceYaml.decodeSpec(yaml, LinkAliasConfigStatus.class)).isEqualTo(status);
  }

  @Test
  void aLinkParsesAsTalossLinkStatusSpecMessage() {
    var link = LinkStatus.builder().type(LinkType.ETHER).mtu(1500).driver("e1000")
        .permanentAddr(HardwareAddr.parse("00:1a:2b:33:44:55")).altNames(List.of("ext0")).build();
    var message = LinkStatusMessage.of(link);
    var d = LinkStatusMessage.descriptor();
    assertThat(message.getUnknownFields().asMap()).isEmpty();
    assertThat(message.getField(d.findFieldByName("type"))).isEqualTo(1);
    assertThat(message.getField(d.findFieldByName("mtu"))).isEqualTo(1500);
    assertThat(message.getField(d.findFieldByName("driver"))).isEqualTo("e1000");
    assertThat(message.getRepeatedField(d.findFieldByName("alt_names"), 0)).isEqualTo("ext0");
    assertThat(d.findFieldByNumber(14).getName()).isEqualTo("pciid");
    assertThat(d.getFullName()).isEqualTo(LinkStatusMessage.TYPE_NAME);
  }

  @Test
  void everyFieldOfAFullLinkIsKnownToTheDescriptor() {
    // Talos's test vector: bond, bridge, VLAN, WireGuard peers (durations, prefixes), every scalar
    assertNoUnknownFields(LinkStatusMessage.of(LinkStatusVector.spec()));
  }

  private static void assertNoUnknownFields(com.google.protobuf.Message message) {
    assertThat(message.getUnknownFields().asMap()).as(message.getDescriptorForType().getFullName()).isEmpty();
    message.getAllFields().forEach((field, value) -> {
      if (value instanceof com.google.protobuf.Message nested) {
        assertNoUnknownFields(nested);
      } else if (value instanceof List<?> list) {
        list.stream().filter(com.google.protobuf.Message.class::isInstance)
            .forEach(m -> assertNoUnknownFields((com.google.protobuf.Message) m));
      }
    });
  }
}

package dev.spindle.resources.config;

import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a {@code BridgeConfig} document, with Talos's checks ({@code BridgeConfigV1Alpha1.Validate}: only the name
 * and the common fields; Talos does not require {@code links}).
 */
final class BridgeConfigReader {
  private BridgeConfigReader() {}

  static BridgeConfig read(Node root, Problems problems) {
    String name = LinkDocumentFields.name(root, problems);
    var hardwareAddr = LinkDocumentFields.hardwareAddr(root, problems);
    Boolean stp = YamlTree.bool(YamlTree.field(YamlTree.field(root, "stp"), "enabled"));
    Boolean filtering = YamlTree.bool(YamlTree.field(YamlTree.field(root, "vlan"), "filtering"));
    return new BridgeConfig(name, hardwareAddr, LinkDocumentFields.links(root), stp, filtering,
        LinkDocumentFields.common(root, problems));
  }
}

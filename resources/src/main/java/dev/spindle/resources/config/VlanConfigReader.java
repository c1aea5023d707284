package dev.spindle.resources.config;

import dev.spindle.resources.network.VlanProtocol;
import java.math.BigInteger;
import org.yaml.snakeyaml.nodes.Node;

/** Reads a {@code VLANConfig} document, with Talos's checks ({@code VLANConfigV1Alpha1.Validate}). */
final class VlanConfigReader {
  private VlanConfigReader() {}

  static VlanConfig read(Node root, Problems problems) {
    String name = LinkDocumentFields.name(root, problems);
    Node idNode = YamlTree.field(root, "vlanID");
    BigInteger id = YamlTree.integer(idNode);
    int vlanId = 0;
    if (id == null || id.signum() <= 0 || id.compareTo(BigInteger.valueOf(4094)) > 0) {
      problems.error(idNode == null ? YamlTree.keyNode(root, "kind") : idNode, "vlanID",
          idNode == null ? null : Problems.shown(idNode, false), "vlanID must be specified and between 1 and 4094");
    } else {
      vlanId = id.intValue();
    }
    Node modeNode = YamlTree.field(root, "vlanMode");
    VlanProtocol mode = null;
    if (YamlTree.text(modeNode) != null) {
      try {
        mode = VlanProtocol.parse(YamlTree.text(modeNode));
      } catch (IllegalArgumentException e) {
        problems.error(modeNode, "vlanMode", Problems.shown(modeNode, false),
            "vlanMode must be either '802.1q' or '802.1ad'");
      }
    }
    Node parentNode = YamlTree.field(root, "parent");
    String parent = YamlTree.text(parentNode);
    if (parent == null || parent.isEmpty()) {
      problems.error(parentNode == null ? YamlTree.keyNode(root, "kind") : parentNode, "parent", null,
          "parent must be specified");
      parent = "";
    }
    return new VlanConfig(name, vlanId, mode, parent, LinkDocumentFields.common(root, problems));
  }
}

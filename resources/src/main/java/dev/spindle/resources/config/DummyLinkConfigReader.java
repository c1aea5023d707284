package dev.spindle.resources.config;

import org.yaml.snakeyaml.nodes.Node;

/** Reads a {@code DummyLinkConfig} document, with Talos's checks ({@code DummyLinkConfigV1Alpha1.Validate}). */
final class DummyLinkConfigReader {
  private DummyLinkConfigReader() {}

  static DummyLinkConfig read(Node root, Problems problems) {
    return new DummyLinkConfig(LinkDocumentFields.name(root, problems),
        LinkDocumentFields.hardwareAddr(root, problems), LinkDocumentFields.common(root, problems));
  }
}

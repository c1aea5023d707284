package dev.spindle.resources.config;

import org.yaml.snakeyaml.nodes.Node;

/** Reads a {@code LinkConfig} document, with Talos's checks ({@code LinkConfigV1Alpha1.Validate}). */
final class LinkConfigReader {
  private LinkConfigReader() {}

  static LinkConfig read(Node root, Problems problems) {
    return new LinkConfig(LinkDocumentFields.name(root, problems), LinkDocumentFields.common(root, problems));
  }
}

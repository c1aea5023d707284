package dev.spindle.resources.config;

import dev.spindle.resources.cel.CelExpression;
import dev.spindle.resources.cel.InvalidCelExpressionException;
import dev.spindle.resources.cel.LinkLocator;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a {@code LinkAliasConfig} document (already checked against its schema) with the rules of Talos's
 * {@code LinkAliasConfigV1Alpha1.Validate}: {@code name} is required and, if it holds a {@code %}, must be a
 * non-empty prefix followed by exactly {@code %d}; {@code selector.match} is required and must compile in the
 * {@link LinkLocator} environment to a {@code bool}. A compile error is reported at the expression, with CEL's
 * message (its line and column are within the expression).
 */
final class LinkAliasReader {
  private LinkAliasReader() {}

  static LinkAliasConfig read(Node root, Problems problems) {
    Node nameNode = YamlTree.field(root, "name");
    String name = YamlTree.text(nameNode);
    if (name == null || name.isEmpty()) {
      problems.error(nameNode == null ? YamlTree.keyNode(root, "kind") : nameNode, "name", null,
          "name must be specified");
      name = "";
    } else if (name.indexOf('%') >= 0 && !validPattern(name)) {
      problems.error(nameNode, "name", Problems.shown(nameNode, false),
          "name contains an invalid format verb, use %d suffix");
    }
    Node selector = YamlTree.field(root, "selector");
    Node matchNode = YamlTree.field(selector, "match");
    String match = YamlTree.text(matchNode);
    CelExpression expression = null;
    if (match == null || match.isEmpty()) {
      problems.error(matchNode != null ? matchNode : selector != null ? selector : YamlTree.keyNode(root, "kind"),
          "selector.match", null, "link selector is required");
    } else {
      try {
        expression = LinkLocator.compile(match);
      } catch (InvalidCelExpressionException e) {
        problems.error(matchNode, "selector.match", Problems.shown(matchNode, false),
            "link selector is invalid: " + e.getMessage());
      }
    }
    if (expression == null) {
      // the document is invalid and never reaches a controller; keep the record whole for the other checks
      expression = LinkLocator.NONE;
    }
    return new LinkAliasConfig(name, expression);
  }

  /** Talos's rule: cut at the first {@code %}, the rest must be exactly {@code d} and the prefix non-empty. */
  private static boolean validPattern(String name) {
    int percent = name.indexOf('%');
    return percent > 0 && name.substring(percent + 1).equals("d");
  }
}

package dev.spindle.resources.config;

import java.util.HashMap;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Talos's container rules for the link documents, checked as each document is read: two link kinds with the same
 * name conflict ({@code conflicting documents: BondConfig/bond0 and LinkConfig/bond0}), and no two documents may
 * configure the same link ({@code conflicting link configurations: A and B both configure "eth0"}). The second
 * document is reported, at its {@code kind}, and left out.
 */
final class LinkClaims {
  private final Map<String, String> claimed = new HashMap<>();

  /** Whether {@code document} (with its document id {@code Kind/name}) may be kept; reports it if not. */
  boolean claim(ConfigDocument document, String documentId, Node at, Problems problems) {
    if (!(document instanceof LinkDocument link)) {
      return true;
    }
    String owner = claimed.get(link.name());
    if (owner == null) {
      claimed.put(link.name(), documentId);
      return true;
    }
    String ownerName = owner.substring(owner.indexOf('/') + 1);
    if (ownerName.equals(link.name()) && !owner.startsWith(link.kind() + "/")) {
      problems.error(at, "", null, "conflicting documents: " + owner + " and " + documentId);
    } else {
      problems.error(at, "", null, "conflicting link configurations: " + owner + " and " + documentId
          + " both configure \"" + link.name() + "\"");
    }
    return false;
  }
}

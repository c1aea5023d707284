package dev.spindle.resources.config;

import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Talos's {@code V1Alpha1ConflictValidate}: a setting given both in the v1alpha1 document and in a typed document
 * (name servers in {@code machine.network} and a {@code ResolverConfig}, say) is an error, reported at the typed
 * document's {@code kind}. Runs after the per-document checks, on the documents as read.
 */
final class ConflictCheck {
  /** A typed document with its {@code kind} node and its number in the file, to locate a conflict. */
  record Located(ConfigDocument document, Node kindNode, int index) {}

  private ConflictCheck() {}

  /** Reports every conflict between {@code v1alpha1} (null when the file has none) and the typed documents. */
  static void check(V1Alpha1Config v1alpha1, List<Located> typed, Problems problems) {
    if (v1alpha1 == null) {
      return;
    }
    for (Located t : typed) {
      List<String> conflicts = conflicts(t.document(), v1alpha1.machine());
      if (!conflicts.isEmpty()) {
        problems.document("document " + t.index() + " (" + t.document().kind() + ")");
        conflicts.forEach(reason -> problems.error(t.kindNode(), "", null, reason));
      }
    }
  }

  /** The reasons {@code document} conflicts with the v1alpha1 {@code machine} section, in Talos's order. */
  static List<String> conflicts(ConfigDocument document, MachineSection m) {
    return switch (document) {
      case ResolverConfig r -> resolverConflicts(m.network());
      case TimeSyncConfig s -> timeConflicts(m.time());
      case HostnameConfig h -> hostnameConflicts(m);
      case EnvironmentConfig e -> List.of();
      case TrustedRootsConfig r -> List.of();
      case LinkDocument l -> List.of();
      case LinkAliasConfig a -> List.of();
    };
  }

  private static List<String> resolverConflicts(NetworkSection n) {
    List<String> out = new ArrayList<>();
    if (n.searchDomains() != null) {
      out.add(".machine.network.searchDomains is already set in v1alpha1 config");
    }
    if (!n.nameservers().isEmpty()) {
      out.add(".machine.network.nameservers is already set in v1alpha1 config");
    }
    if (n.disableSearchDomain()) {
      out.add(".machine.network.disableSearchDomain is already set in v1alpha1 config");
    }
    return out;
  }

  private static List<String> timeConflicts(TimeSection t) {
    List<String> out = new ArrayList<>();
    if (t == null) {
      return out;
    }
    if (t.disabled()) {
      out.add("time sync cannot be disabled in both v1alpha1 and new-style configuration");
    }
    if (t.servers() != null && !t.servers().isEmpty()) {
      out.add("time servers cannot be specified in both v1alpha1 and new-style configuration");
    }
    if (!t.bootTimeout().isZero()) {
      out.add("boot timeout cannot be specified in both v1alpha1 and new-style configuration");
    }
    return out;
  }

  private static List<String> hostnameConflicts(MachineSection m) {
    List<String> out = new ArrayList<>();
    if (!m.network().hostname().isEmpty()) {
      out.add("static hostname is already set in v1alpha1 config");
    }
    if (m.stableHostname()) {
      out.add("stable hostname is already set in v1alpha1 config");
    }
    return out;
  }
}

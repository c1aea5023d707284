package dev.spindle.controllers.files;

import dev.spindle.resources.config.TrustedRootsConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * The CA bundle text, as Talos's {@code secrets.TrustedRootsController} renders it: the base bundle, then the extra
 * entries joined with {@code "\n\n"}, each entry being {@code "\n" + name + ":\n" + "=" × (len(name)+1) + "\n" +
 * certificates}. Pure; the documents are validated first.
 */
final class TrustedRoots {
  private TrustedRoots() {}

  static String render(String base, List<TrustedRootsConfig> extras) {
    var entries = new ArrayList<String>();
    for (TrustedRootsConfig doc : extras) {
      entries.add("\n" + doc.name() + ":\n" + "=".repeat(doc.name().length() + 1) + "\n" + doc.certificates());
    }
    return base + String.join("\n\n", entries);
  }

  /** Every problem of every document, each naming its document; empty if all are good bundles. */
  static List<String> problems(List<TrustedRootsConfig> extras) {
    var out = new ArrayList<String>();
    for (int i = 0; i < extras.size(); i++) {
      TrustedRootsConfig doc = extras.get(i);
      String where = TrustedRootsConfig.KIND + " \"" + doc.name() + "\" (document " + (i + 1) + " of its kind)"
          + ".certificates: ";
      PemBundle.problems(doc.certificates()).forEach(p -> out.add(where + p));
    }
    return out;
  }
}

package dev.spindle.cli;

import dev.spindle.runtime.resource.LabelQuery;
import dev.spindle.runtime.resource.LabelTerm;
import dev.spindle.runtime.resource.ResourceQuery;
import java.util.ArrayList;

/**
 * The {@code -l/--selector} label selector, in kubectl's equality-based syntax: comma-separated terms that must all
 * hold, each {@code key=value} (or {@code key==value}), {@code key!=value}, {@code key} (the label exists) or
 * {@code !key} (it does not). The server filters, so only matching resources cross the wire.
 */
final class Selector {
  private Selector() {}

  /** @throws CliException with {@link ExitStatus#USAGE} for a malformed selector */
  static ResourceQuery parse(String text) {
    var terms = new ArrayList<LabelTerm>();
    for (String raw : text.split(",", -1)) {
      String term = raw.strip();
      if (term.isEmpty()) {
        throw invalid(text, "empty term");
      }
      terms.add(term(text, term));
    }
    return ResourceQuery.ALL.or(new LabelQuery(terms));
  }

  private static LabelTerm term(String selector, String term) {
    int notEqual = term.indexOf("!=");
    if (notEqual >= 0) {
      return LabelTerm.notEqual(key(selector, term.substring(0, notEqual)), term.substring(notEqual + 2).strip());
    }
    int equal = term.indexOf('=');
    if (equal >= 0) {
      String value = term.substring(equal + 1);
      if (value.startsWith("=")) {
        value = value.substring(1);
      }
      return LabelTerm.equal(key(selector, term.substring(0, equal)), value.strip());
    }
    if (term.startsWith("!")) {
      return LabelTerm.notExists(key(selector, term.substring(1)));
    }
    return LabelTerm.exists(key(selector, term));
  }

  private static String key(String selector, String key) {
    String k = key.strip();
    if (k.isEmpty() || k.contains("=") || k.contains("!") || k.contains(" ")) {
      throw invalid(selector, "invalid label key \"" + key.strip() + "\"");
    }
    return k;
  }

  private static CliException invalid(String selector, String why) {
    return new CliException(ExitStatus.USAGE, "invalid selector \"" + selector + "\": " + why);
  }
}

package dev.spindle.runtime.resource;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * English singular/plural rules for resource type names, the subset of go-pluralize that COSI relies on when it
 * derives a display type ({@code LinkStatuses} → {@code LinkStatus}) and checks that a type name is plural.
 */
final class Plurals {
  /** A plural suffix; the singular drops {@code strip} trailing characters and appends {@code append}. */
  private record Rule(String pluralSuffix, int strip, String append) {}

  private static final Map<String, String> IRREGULAR = Map.of(
      "people", "person", "children", "child", "men", "man", "women", "woman", "data", "datum",
      "indices", "index", "matrices", "matrix", "caches", "cache");

  /** Words whose plural equals the singular; they are accepted as plural. */
  private static final List<String> UNCOUNTABLE = List.of("config", "info", "metadata", "status-info", "equipment");

  // Ordered: the first matching plural suffix wins.
  private static final List<Rule> RULES = List.of(
      new Rule("uses", 2, ""),
      new Rule("sses", 2, ""),
      new Rule("xes", 2, ""),
      new Rule("zes", 2, ""),
      new Rule("ches", 2, ""),
      new Rule("shes", 2, ""),
      new Rule("ies", 3, "y"),
      new Rule("s", 1, ""));

  private Plurals() {}

  /** The singular of a CamelCase word, keeping the case of its stem ({@code Addresses} → {@code Address}). */
  static String singular(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    for (var e : IRREGULAR.entrySet()) {
      if (lower.endsWith(e.getKey())) {
        return word.substring(0, word.length() - e.getKey().length())
            + matchCase(word.substring(word.length() - e.getKey().length()), e.getValue());
      }
    }
    if (lower.endsWith("ss") || lower.endsWith("us") || isUncountable(lower)) {
      return word;
    }
    for (Rule rule : RULES) {
      if (lower.endsWith(rule.pluralSuffix())) {
        return word.substring(0, word.length() - rule.strip()) + rule.append();
      }
    }
    return word;
  }

  /** Whether the word is already plural: it has a distinct singular, or is uncountable. */
  static boolean isPlural(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    return isUncountable(lower) || !singular(word).equals(word);
  }

  private static boolean isUncountable(String lower) {
    return UNCOUNTABLE.stream().anyMatch(lower::endsWith);
  }

  private static String matchCase(String original, String replacement) {
    return Character.isUpperCase(original.charAt(0))
        ? Character.toUpperCase(replacement.charAt(0)) + replacement.substring(1)
        : replacement;
  }
}

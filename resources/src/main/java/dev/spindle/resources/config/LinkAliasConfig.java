package dev.spindle.resources.config;

import dev.spindle.resources.cel.CelExpression;
import java.util.Objects;

/**
 * The {@code LinkAliasConfig} document: gives the physical link that {@code selector.match} (a CEL expression over
 * {@code link}, compiled when the configuration was validated) selects the alias {@code name}. A name with one
 * {@code %d} at its end ({@code net%d}) is a pattern: every selected link gets an alias, numbered in hardware address
 * order; a fixed name must select exactly one link.
 */
public record LinkAliasConfig(String name, CelExpression match) implements ConfigDocument {
  public static final String KIND = "LinkAliasConfig";

  public LinkAliasConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(match, "match");
  }

  @Override
  public String kind() {
    return KIND;
  }

  /** Whether {@link #name()} is a pattern: it holds a {@code %} (validation makes sure it is one final {@code %d}). */
  public boolean pattern() {
    return name.indexOf('%') >= 0;
  }

  /** The alias of the {@code n}-th selected link: the name, or the pattern with {@code n} for its {@code %d}. */
  public String alias(int n) {
    return pattern() ? name.replaceFirst("%d", Integer.toString(n)) : name;
  }
}

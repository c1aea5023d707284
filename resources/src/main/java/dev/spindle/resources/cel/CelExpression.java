package dev.spindle.resources.cel;

import dev.cel.common.CelAbstractSyntaxTree;
import java.util.Objects;

/**
 * A CEL expression as written in the configuration, with its checked syntax tree: compiled once when the
 * configuration is validated, so a controller evaluates it without parsing again and an invalid expression never gets
 * past the parser. Two expressions are equal when their texts are, as Talos compares configuration documents.
 */
public final class CelExpression {
  private final String text;
  private final CelAbstractSyntaxTree ast;

  CelExpression(String text, CelAbstractSyntaxTree ast) {
    this.text = Objects.requireNonNull(text, "text");
    this.ast = Objects.requireNonNull(ast, "ast");
  }

  /** The expression as written. */
  public String text() {
    return text;
  }

  /** The checked syntax tree, for a CEL runtime to plan a program from. */
  public CelAbstractSyntaxTree ast() {
    return ast;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CelExpression other && text.equals(other.text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}

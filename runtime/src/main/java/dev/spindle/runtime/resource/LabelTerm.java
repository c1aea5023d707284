package dev.spindle.runtime.resource;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One condition on a label. Semantics are COSI's: a missing label makes every operator false; the ordering
 * operators are <em>undecidable</em> on a missing label or an unparsable number, and undecidable stays false even
 * when the term is inverted.
 */
public record LabelTerm(String key, Op op, List<String> values, boolean invert) {
  /** Operators, with the wire numbers of {@code cosi.resource.LabelTerm.Operation}. */
  public enum Op {
    EXISTS(0), EQUAL(1), IN(3), LT(4), LTE(5), LT_NUMERIC(6), LTE_NUMERIC(7);

    private final int wire;

    Op(int wire) {
      this.wire = wire;
    }

    public int wire() {
      return wire;
    }
  }

  public LabelTerm {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(op, "op");
    values = values == null ? List.of() : List.copyOf(values);
    if (op != Op.EXISTS && values.isEmpty()) {
      throw new IllegalArgumentException("label term " + op + " on \"" + key + "\" needs a value");
    }
  }

  public static LabelTerm exists(String key) {
    return new LabelTerm(key, Op.EXISTS, List.of(), false);
  }

  public static LabelTerm notExists(String key) {
    return new LabelTerm(key, Op.EXISTS, List.of(), true);
  }

  public static LabelTerm equal(String key, String value) {
    return new LabelTerm(key, Op.EQUAL, List.of(value), false);
  }

  public static LabelTerm notEqual(String key, String value) {
    return new LabelTerm(key, Op.EQUAL, List.of(value), true);
  }

  public static LabelTerm in(String key, String... values) {
    return new LabelTerm(key, Op.IN, List.of(values), false);
  }

  public static LabelTerm lessThan(String key, String value) {
    return new LabelTerm(key, Op.LT, List.of(value), false);
  }

  public static LabelTerm lessOrEqual(String key, String value) {
    return new LabelTerm(key, Op.LTE, List.of(value), false);
  }

  public static LabelTerm lessThanNumeric(String key, String value) {
    return new LabelTerm(key, Op.LT_NUMERIC, List.of(value), false);
  }

  public static LabelTerm lessOrEqualNumeric(String key, String value) {
    return new LabelTerm(key, Op.LTE_NUMERIC, List.of(value), false);
  }

  public LabelTerm inverted() {
    return new LabelTerm(key, op, values, !invert);
  }

  public boolean matches(Map<String, String> labels) {
    String actual = labels.get(key);
    if (actual == null) {
      return switch (op) {
        case EXISTS, EQUAL, IN -> invert;
        default -> false; // undecidable
      };
    }
    Boolean result = switch (op) {
      case EXISTS -> true;
      case EQUAL -> actual.equals(values.getFirst());
      case IN -> values.contains(actual);
      case LT -> actual.compareTo(values.getFirst()) < 0;
      case LTE -> actual.compareTo(values.getFirst()) <= 0;
      case LT_NUMERIC -> compareNumbers(actual, values.getFirst(), false);
      case LTE_NUMERIC -> compareNumbers(actual, values.getFirst(), true);
    };
    if (result == null) {
      return false;
    }
    return result != invert;
  }

  private static Boolean compareNumbers(String left, String right, boolean orEqual) {
    Long a = LabelNumbers.parse(left);
    Long b = LabelNumbers.parse(right);
    if (a == null || b == null) {
      return null;
    }
    return orEqual ? a <= b : a < b;
  }
}

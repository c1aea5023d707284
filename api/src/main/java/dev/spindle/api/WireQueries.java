package dev.spindle.api;

import dev.spindle.api.cosi.IDQuery;
import dev.spindle.api.cosi.LabelQuery;
import dev.spindle.runtime.resource.LabelTerm;
import dev.spindle.runtime.resource.ResourceQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Converts label and id queries between the engine and the wire. */
public final class WireQueries {
  private WireQueries() {}

  /** @throws IllegalArgumentException for an invalid regexp or an operator this server does not support */
  public static ResourceQuery fromWire(List<LabelQuery> labelQueries, IDQuery idQuery) {
    var queries = new ArrayList<dev.spindle.runtime.resource.LabelQuery>();
    for (LabelQuery q : labelQueries) {
      var terms = new ArrayList<LabelTerm>();
      for (dev.spindle.api.cosi.LabelTerm t : q.getTermsList()) {
        terms.add(term(t));
      }
      queries.add(new dev.spindle.runtime.resource.LabelQuery(terms));
    }
    Optional<Pattern> pattern = Optional.empty();
    if (idQuery != null && !idQuery.getRegexp().isEmpty()) {
      try {
        pattern = Optional.of(Pattern.compile(idQuery.getRegexp()));
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException("failed to compile regexp \"" + idQuery.getRegexp() + "\": "
            + e.getDescription());
      }
    }
    return new ResourceQuery(queries, pattern);
  }

  private static LabelTerm term(dev.spindle.api.cosi.LabelTerm t) {
    boolean invert = t.getInvert();
    LabelTerm.Op op = switch (t.getOp()) {
      case EXISTS -> LabelTerm.Op.EXISTS;
      case NOT_EXISTS -> {
        invert = !invert;
        yield LabelTerm.Op.EXISTS;
      }
      case EQUAL -> LabelTerm.Op.EQUAL;
      case IN -> LabelTerm.Op.IN;
      case LT -> LabelTerm.Op.LT;
      case LTE -> LabelTerm.Op.LTE;
      case LT_NUMERIC -> LabelTerm.Op.LT_NUMERIC;
      case LTE_NUMERIC -> LabelTerm.Op.LTE_NUMERIC;
      default -> throw new UnsupportedOperationException("unsupported label query operator " + t.getOp());
    };
    if (op != LabelTerm.Op.EXISTS && t.getValueCount() == 0) {
      throw new IllegalArgumentException("label term " + op + " on \"" + t.getKey() + "\" needs a value");
    }
    List<String> values = op == LabelTerm.Op.IN || op == LabelTerm.Op.EXISTS ? t.getValueList()
        : List.of(t.getValue(0));
    return new LabelTerm(t.getKey(), op, values, invert);
  }

  public static List<LabelQuery> toWire(ResourceQuery query) {
    var result = new ArrayList<LabelQuery>();
    for (var q : query.labelQueries()) {
      var b = LabelQuery.newBuilder();
      for (LabelTerm t : q.terms()) {
        b.addTerms(dev.spindle.api.cosi.LabelTerm.newBuilder()
            .setKey(t.key())
            .setOpValue(t.op().wire())
            .addAllValue(t.values())
            .setInvert(t.invert()));
      }
      result.add(b.build());
    }
    return result;
  }

  public static IDQuery idToWire(ResourceQuery query) {
    return IDQuery.newBuilder().setRegexp(query.idPattern().map(Pattern::pattern).orElse("")).build();
  }
}

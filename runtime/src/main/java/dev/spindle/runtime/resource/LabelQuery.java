package dev.spindle.runtime.resource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A conjunction of label terms; the empty query matches every resource. */
public record LabelQuery(List<LabelTerm> terms) {
  public static final LabelQuery ALL = new LabelQuery(List.of());

  public LabelQuery {
    terms = List.copyOf(terms);
  }

  public static LabelQuery of(LabelTerm... terms) {
    return new LabelQuery(List.of(terms));
  }

  public LabelQuery and(LabelTerm term) {
    var copy = new ArrayList<>(terms);
    copy.add(term);
    return new LabelQuery(copy);
  }

  public boolean matches(Map<String, String> labels) {
    for (LabelTerm term : terms) {
      if (!term.matches(labels)) {
        return false;
      }
    }
    return true;
  }
}

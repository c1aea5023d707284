package dev.spindle.runtime.resource;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which resources of a kind a list or a watch selects: a disjunction of {@link LabelQuery label queries} (none means
 * all) and an optional id regular expression that must be <em>found</em> in the id (unanchored, as in COSI).
 */
public record ResourceQuery(List<LabelQuery> labelQueries, Optional<Pattern> idPattern) {
  public static final ResourceQuery ALL = new ResourceQuery(List.of(), Optional.empty());

  public ResourceQuery {
    labelQueries = List.copyOf(labelQueries);
    idPattern = idPattern == null ? Optional.empty() : idPattern;
  }

  public static ResourceQuery labels(LabelTerm... terms) {
    return ALL.or(LabelQuery.of(terms));
  }

  public static ResourceQuery ids(String regex) {
    return new ResourceQuery(List.of(), Optional.of(Pattern.compile(regex)));
  }

  /** Adds one more alternative label query. */
  public ResourceQuery or(LabelQuery query) {
    var copy = new ArrayList<>(labelQueries);
    copy.add(query);
    return new ResourceQuery(copy, idPattern);
  }

  public ResourceQuery withIds(String regex) {
    return new ResourceQuery(labelQueries, Optional.of(Pattern.compile(regex)));
  }

  public boolean isAll() {
    return labelQueries.isEmpty() && idPattern.isEmpty();
  }

  public boolean matches(Metadata metadata) {
    if (idPattern.isPresent() && !idPattern.get().matcher(metadata.id()).find()) {
      return false;
    }
    if (labelQueries.isEmpty()) {
      return true;
    }
    for (LabelQuery q : labelQueries) {
      if (q.matches(metadata.labels())) {
        return true;
      }
    }
    return false;
  }
}

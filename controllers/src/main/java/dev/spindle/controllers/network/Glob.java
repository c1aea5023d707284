package dev.spindle.controllers.network;

/**
 * The glob of Talos's device selectors, {@code github.com/ryanuber/go-glob} v1.0.0: {@code *} matches any run of
 * characters (also none); nothing else is special (no {@code ?}, no classes, no escaping) and case counts. The parts
 * between stars are found left to right, each at its leftmost place after the previous one, so the parts never
 * overlap ({@code a*a} does not match {@code a}). An empty pattern matches only the empty text.
 */
public final class Glob {
  private static final String STAR = "*";

  private Glob() {}

  public static boolean matches(String pattern, String subject) {
    if (pattern.isEmpty()) {
      return subject.isEmpty();
    }
    if (pattern.equals(STAR)) {
      return true;
    }
    String[] parts = pattern.split("\\*", -1);
    if (parts.length == 1) {
      return subject.equals(pattern);
    }
    boolean leadingStar = pattern.startsWith(STAR);
    boolean trailingStar = pattern.endsWith(STAR);
    int last = parts.length - 1;
    String rest = subject;
    for (int i = 0; i < last; i++) {
      int at = rest.indexOf(parts[i]);
      if (i == 0 ? !leadingStar && at != 0 : at < 0) {
        return false;
      }
      rest = rest.substring(at + parts[i].length());
    }
    return trailingStar || rest.endsWith(parts[last]);
  }
}

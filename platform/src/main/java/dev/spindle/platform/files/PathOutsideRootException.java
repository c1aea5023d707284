package dev.spindle.platform.files;

import java.io.IOException;

/** A node path that would reach outside the root of {@link NodeFiles}: a {@code ..} segment or an escaping link. */
public final class PathOutsideRootException extends IOException {
  private final String nodePath;

  public PathOutsideRootException(String nodePath, String why) {
    super("path " + quote(nodePath) + " is outside the node's root: " + why);
    this.nodePath = nodePath;
  }

  public String nodePath() {
    return nodePath;
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}

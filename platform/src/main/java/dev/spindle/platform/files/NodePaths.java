package dev.spindle.platform.files;

import java.util.ArrayList;
import java.util.List;

/**
 * Node paths in one canonical form, {@code /a/b}: repeated and trailing slashes and {@code .} segments dropped. A
 * {@code ..} segment is refused outright rather than resolved, since a configured path has no reason to contain one
 * and resolving it is how a path escapes its root.
 */
public final class NodePaths {
  private NodePaths() {}

  /** The canonical form of {@code nodePath}; {@code /} for the root itself. */
  public static String normalize(String nodePath) throws PathOutsideRootException {
    return "/" + String.join("/", segments(nodePath));
  }

  /** The segments of {@code nodePath} below the root. */
  public static List<String> segments(String nodePath) throws PathOutsideRootException {
    if (nodePath.indexOf('\0') >= 0) {
      throw new PathOutsideRootException(nodePath, "it contains a NUL character");
    }
    var out = new ArrayList<String>();
    for (String segment : nodePath.split("/")) {
      if (segment.equals("..")) {
        throw new PathOutsideRootException(nodePath, "\"..\" segments are not allowed");
      }
      if (!segment.isEmpty() && !segment.equals(".")) {
        out.add(segment);
      }
    }
    return out;
  }

  /** Whether {@code nodePath} (canonical) is {@code directory} (canonical) or below it. */
  public static boolean isUnder(String nodePath, String directory) {
    return directory.equals("/") || nodePath.equals(directory) || nodePath.startsWith(directory + "/");
  }
}

package dev.spindle.controllers.files;

import dev.spindle.platform.files.NodePaths;
import dev.spindle.platform.files.PathOutsideRootException;
import dev.spindle.resources.config.MachineFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code machine.files} asks for, path by path, checked whole before anything is written: the rules of Talos's
 * {@code WriteUserFiles} task, plus the checks Spindle adds because it applies the entries in place and at any time.
 *
 * <ul>
 *   <li>{@code op} is {@code create}, {@code overwrite} or {@code append}; {@code create} only below {@code /var}, as
 *       Talos allows it (its root file system is read-only, Spindle keeps the rule so one configuration behaves the
 *       same on both);</li>
 *   <li>{@code overwrite} and {@code append} need an existing regular file: {@code file must exist: "<path>"};</li>
 *   <li>the path is absolute, without {@code ..}, not Spindle's own state ({@code /var/lib/spindle}) and not a file
 *       an {@code EtcFileSpec} renders (two writers would undo each other; use the dedicated document);</li>
 *   <li>content for {@code /etc/ssl/certs/}, {@code *.pem} or {@code *.crt} must be a good PEM bundle;</li>
 *   <li>{@code permissions} 0 keeps the original's mode (0644 for a new file) where Talos would chmod to 0.</li>
 * </ul>
 *
 * Several entries for one path apply in order, each to the result of the one before; the first starts from the
 * file's original ({@link ManagedFiles}), so {@code append} gives {@code original + "\n" + content} every time.
 */
final class MachineFilesPlan {
  static final String STATE_DIR = "/var/lib/spindle";

  private MachineFilesPlan() {}

  /** How the plan learns what a file was before Spindle touched it. */
  @FunctionalInterface
  interface Facts {
    /** The original of a path; {@link ManagedFiles.NotARegularFileException} if it is a directory or the like. */
    ManagedFiles.Original original(String path) throws IOException;
  }

  /** One path: the entries for it (by index), what to write, and what is wrong with it. */
  record PathPlan(String path, List<Integer> entries, List<String> ops, byte[] contents, int mode,
      List<String> errors) {
    PathPlan {
      entries = List.copyOf(entries);
      ops = List.copyOf(ops);
      errors = List.copyOf(errors);
    }

    boolean valid() {
      return errors.isEmpty();
    }
  }

  record Plan(List<PathPlan> paths) {
    Plan {
      paths = List.copyOf(paths);
    }

    boolean valid() {
      return paths.stream().allMatch(PathPlan::valid);
    }

    /** {@code machine.files[i]} of every invalid entry. */
    List<String> invalidEntries() {
      return paths.stream().filter(p -> !p.valid()).flatMap(p -> p.entries().stream())
          .map(i -> "machine.files[" + i + "]").toList();
    }
  }

  /**
   * @param etcFiles node paths rendered from {@code EtcFileSpec}s ({@code /etc/resolv.conf}, ...)
   */
  static Plan plan(List<MachineFile> files, Set<String> etcFiles, Facts facts) {
    var byPath = new LinkedHashMap<String, List<Integer>>();
    var unusable = new ArrayList<PathPlan>();
    for (int i = 0; i < files.size(); i++) {
      MachineFile f = files.get(i);
      String where = "machine.files[" + i + "]";
      try {
        String path = canonical(f.path());
        byPath.computeIfAbsent(path, k -> new ArrayList<>()).add(i);
      } catch (PathOutsideRootException | IllegalArgumentException e) {
        unusable.add(new PathPlan(where, List.of(i), List.of(f.op()), new byte[0], 0,
            List.of(where + ".path: " + e.getMessage())));
      }
    }
    var out = new ArrayList<PathPlan>();
    byPath.forEach((path, entries) -> out.add(planPath(path, entries, files, etcFiles, facts)));
    out.addAll(unusable);
    return new Plan(out);
  }

  private static PathPlan planPath(String path, List<Integer> entries, List<MachineFile> files, Set<String> etcFiles,
      Facts facts) {
    var errors = new ArrayList<String>();
    var ops = new ArrayList<String>();
    Optional<byte[]> current;
    int mode;
    try {
      ManagedFiles.Original original = facts.original(path);
      current = original.contents();
      mode = original.existed() ? original.mode() : 0;
    } catch (ManagedFiles.NotARegularFileException e) {
      current = Optional.empty();
      mode = 0;
      errors.add("machine.files[" + entries.get(0) + "]: " + e.getMessage());
    } catch (IOException e) {
      current = Optional.empty();
      mode = 0;
      errors.add("machine.files[" + entries.get(0) + "]: reading \"" + path + "\": " + e.getMessage());
    }
    for (int i : entries) {
      MachineFile f = files.get(i);
      String where = "machine.files[" + i + "]";
      ops.add(f.op());
      String problem = problem(f, path, etcFiles, current.isPresent() || !errors.isEmpty());
      if (problem != null) {
        errors.add(where + ": " + problem);
        continue;
      }
      for (String pem : pemProblems(path, f.content())) {
        errors.add(where + ".content: " + pem);
      }
      if (!errors.isEmpty()) {
        continue; // the plan will not be applied; only its errors matter now
      }
      byte[] content = f.content().getBytes(StandardCharsets.UTF_8);
      current = Optional.of(f.op().equals("append") ? concat(current.orElseThrow(), content) : content);
      if (f.permissions() != 0) {
        mode = f.permissions();
      }
    }
    return new PathPlan(path, entries, ops, current.orElse(new byte[0]), mode == 0 ? 0644 : mode, errors);
  }

  private static String problem(MachineFile f, String path, Set<String> etcFiles, boolean exists) {
    if (!List.of("create", "overwrite", "append").contains(f.op())) {
      return "unknown operation for file \"" + path + "\": \"" + f.op() + "\"";
    }
    if (f.permissions() < 0 || f.permissions() > 07777) {
      return "invalid permissions 0" + Integer.toOctalString(f.permissions()) + " for \"" + path + "\"";
    }
    if (NodePaths.isUnder(path, STATE_DIR)) {
      return "\"" + path + "\" is below " + STATE_DIR + ", which holds Spindle's own state";
    }
    if (etcFiles.contains(path)) {
      return "\"" + path + "\" is rendered by Spindle (EtcFileSpec " + path.substring("/etc/".length())
          + "); use the dedicated configuration document (e.g. TrustedRootsConfig) instead";
    }
    if (f.op().equals("create")) {
      return NodePaths.isUnder(path, "/var") ? null : "create operation not allowed outside of /var: \"" + path + "\"";
    }
    return exists ? null : "file must exist: \"" + path + "\"";
  }

  private static List<String> pemProblems(String path, String content) {
    boolean trust = NodePaths.isUnder(path, "/etc/ssl/certs") || path.endsWith(".pem") || path.endsWith(".crt");
    return trust ? PemBundle.problems(content) : List.of();
  }

  private static String canonical(String path) throws PathOutsideRootException {
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("\"" + path + "\" is not an absolute path");
    }
    String canonical = NodePaths.normalize(path);
    if (canonical.equals("/")) {
      throw new IllegalArgumentException("\"" + path + "\" is the root directory");
    }
    return canonical;
  }

  private static byte[] concat(byte[] original, byte[] content) {
    byte[] out = new byte[original.length + 1 + content.length];
    System.arraycopy(original, 0, out, 0, original.length);
    out[original.length] = '\n';
    System.arraycopy(content, 0, out, original.length + 1, content.length);
    return out;
  }
}

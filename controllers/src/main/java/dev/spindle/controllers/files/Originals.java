package dev.spindle.controllers.files;

import dev.spindle.platform.files.NodeFiles;
import dev.spindle.platform.files.NodePaths;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a node file held before Spindle first changed it, kept on the node's disk below {@code base}
 * ({@code <base>/original/<path>} with the original's mode, or {@code <base>/absent/<path>} if there was none).
 *
 * <p>Talos never changes the originals: it writes its version to {@code /var} and bind-mounts it over the read-only
 * root, so every boot starts from the pristine file and an {@code append} is applied to it once. Spindle writes the
 * files in place, so it keeps the pristine copy instead: an append is always {@code original + "\n" + content},
 * however often it is applied (restarts, a changed certificate), and a file no longer wanted gets its original back.
 * The record is on disk, not in the state, because it must survive the daemon.
 */
final class Originals {
  private final NodeFiles files;
  private final String base;

  /** What the file was: {@code contents} empty if it did not exist. */
  record Original(Optional<byte[]> contents, int mode) {
    boolean existed() {
      return contents.isPresent();
    }
  }

  Originals(NodeFiles files, String base) {
    this.files = files;
    this.base = base;
  }

  /** Records the file's current state as its original, unless an original is already recorded. */
  Original keep(String path) throws IOException {
    Optional<Original> recorded = recorded(path);
    if (recorded.isPresent()) {
      return recorded.get();
    }
    Optional<byte[]> now = files.read(path);
    if (now.isPresent()) {
      int mode = files.mode(path).orElse(0644);
      files.writeAtomically(originalPath(path), now.get(), mode);
      return new Original(now, mode);
    }
    files.writeAtomically(absentPath(path), new byte[0], 0600);
    return new Original(Optional.empty(), 0);
  }

  /** The recorded original, or, if none is recorded yet, what the file is now. */
  Original originalOrCurrent(String path) throws IOException {
    Optional<Original> recorded = recorded(path);
    if (recorded.isPresent()) {
      return recorded.get();
    }
    if (files.exists(path) && !files.isRegularFile(path)) {
      throw new NotARegularFileException(path);
    }
    Optional<byte[]> now = files.read(path);
    return new Original(now, now.isPresent() ? files.mode(path).orElse(0644) : 0);
  }

  Optional<Original> recorded(String path) throws IOException {
    Optional<byte[]> original = files.read(originalPath(path));
    if (original.isPresent()) {
      OptionalInt mode = files.mode(originalPath(path));
      return Optional.of(new Original(original, mode.orElse(0644)));
    }
    return files.exists(absentPath(path)) ? Optional.of(new Original(Optional.empty(), 0)) : Optional.empty();
  }

  /** Puts the original back (or removes the file if there was none) and forgets it. */
  void restore(String path) throws IOException {
    Optional<Original> recorded = recorded(path);
    if (recorded.isEmpty()) {
      return;
    }
    Original original = recorded.get();
    if (original.existed()) {
      files.writeAtomically(path, original.contents().get(), original.mode());
    } else {
      files.delete(path);
    }
    files.delete(originalPath(path));
    files.delete(absentPath(path));
  }

  /** The paths with a recorded original, sorted. */
  List<String> paths() throws IOException {
    var out = new LinkedHashSet<String>();
    for (String kind : List.of("/original", "/absent")) {
      String prefix = base + kind;
      files.list(prefix).forEach(p -> out.add(p.substring(prefix.length())));
    }
    return out.stream().sorted().toList();
  }

  /** Whether a node path is part of this record itself (never a target). */
  boolean owns(String path) {
    return NodePaths.isUnder(path, base);
  }

  private String originalPath(String path) {
    return base + "/original" + path;
  }

  private String absentPath(String path) {
    return base + "/absent" + path;
  }

  /** The path exists but is a directory, device or socket: nothing to overwrite or append to. */
  static final class NotARegularFileException extends IOException {
    NotARegularFileException(String path) {
      super("not a regular file: \"" + path + "\"");
    }
  }
}

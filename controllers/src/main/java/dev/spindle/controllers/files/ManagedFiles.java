package dev.spindle.controllers.files;

import dev.spindle.platform.files.NodeFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Node files Spindle changes in place, with what each held before Spindle first changed it, kept on the node's disk
 * below {@code base}: {@code <base>/original/<path>} (with the original's mode) or {@code <base>/absent/<path>} if
 * there was none, and {@code <base>/written/<path>}, the digests of what Spindle wrote there.
 *
 * <p>Talos never changes the originals: it writes its version to {@code /var} and bind-mounts it over the read-only
 * root, so every boot starts from the pristine file and an {@code append} is applied to it once. Spindle writes the
 * files in place, so it keeps the pristine copy instead: an append is always {@code original + "\n" + content},
 * however often it is applied (restarts, a changed certificate), and a file no longer wanted gets its original back.
 * The record is on disk, not in the state, because it must survive the daemon.
 *
 * <p>If the file no longer holds what Spindle wrote, someone else replaced it (a package update of the CA bundle):
 * its current contents become the new original, so Spindle builds on the update instead of reverting it. The digest
 * of a write is recorded before the write and the previous one dropped after it, so a crash in between still
 * recognises the file as Spindle's.
 */
final class ManagedFiles {
  private static final String ABSENT = "absent";

  private final NodeFiles files;
  private final String base;

  /** What the file was: {@code contents} empty if it did not exist. */
  record Original(Optional<byte[]> contents, int mode) {
    boolean existed() {
      return contents.isPresent();
    }
  }

  ManagedFiles(NodeFiles files, String base) {
    this.files = files;
    this.base = base;
  }

  /** The original a change must start from: the recorded one, or what the file is now if none is (still) valid. */
  Original originalOrCurrent(String path) throws IOException {
    if (files.exists(path) && !files.isRegularFile(path)) {
      throw new NotARegularFileException(path);
    }
    Optional<Original> recorded = recorded(path);
    if (recorded.isPresent() && !changedBehindOurBack(path)) {
      return recorded.get();
    }
    return current(path);
  }

  /** Writes the file (if it differs), recording its original first if none is recorded (or still valid). */
  void write(String path, byte[] contents, int mode) throws IOException {
    boolean recorded = recorded(path).isPresent();
    if (recorded && written(path).equals(List.of(digest(Optional.of(contents))))
        && !changedBehindOurBack(path) && files.mode(path).orElse(-1) == mode) {
      return; // already there: no write, no fsync
    }
    if (!recorded || changedBehindOurBack(path)) {
      forget(path);
      Original original = current(path);
      if (original.existed()) {
        files.writeAtomically(originalPath(path), original.contents().get(), original.mode());
      } else {
        files.writeAtomically(absentPath(path), new byte[0], 0600);
      }
    }
    Set<String> digests = new LinkedHashSet<>(written(path));
    digests.add(digest(Optional.of(contents)));
    files.writeAtomically(writtenPath(path), String.join("\n", digests).getBytes(StandardCharsets.US_ASCII), 0600);
    files.update(path, contents, mode);
    files.writeAtomically(writtenPath(path), digest(Optional.of(contents)).getBytes(StandardCharsets.US_ASCII), 0600);
  }

  /** Puts the original back (or removes the file if there was none) and forgets it. */
  void restore(String path) throws IOException {
    Optional<Original> recorded = recorded(path);
    if (recorded.isEmpty()) {
      return;
    }
    if (!changedBehindOurBack(path)) {
      Original original = recorded.get();
      if (original.existed()) {
        files.writeAtomically(path, original.contents().get(), original.mode());
      } else {
        files.delete(path);
      }
    }
    forget(path);
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

  Optional<Original> recorded(String path) throws IOException {
    Optional<byte[]> original = files.read(originalPath(path));
    if (original.isPresent()) {
      return Optional.of(new Original(original, files.mode(originalPath(path)).orElse(0644)));
    }
    return files.exists(absentPath(path)) ? Optional.of(new Original(Optional.empty(), 0)) : Optional.empty();
  }

  /** A record without digests (none written yet) counts as Spindle's: keeping the record is the safe side. */
  private boolean changedBehindOurBack(String path) throws IOException {
    List<String> written = written(path);
    return !written.isEmpty() && !written.contains(digest(files.read(path)));
  }

  private Original current(String path) throws IOException {
    Optional<byte[]> now = files.read(path);
    return new Original(now, now.isPresent() ? files.mode(path).orElse(0644) : 0);
  }

  private void forget(String path) throws IOException {
    files.delete(originalPath(path));
    files.delete(absentPath(path));
    files.delete(writtenPath(path));
  }

  private List<String> written(String path) throws IOException {
    return files.read(writtenPath(path))
        .map(b -> new String(b, StandardCharsets.US_ASCII).lines().filter(l -> !l.isBlank()).toList())
        .orElse(List.of());
  }

  private static String digest(Optional<byte[]> contents) {
    if (contents.isEmpty()) {
      return ABSENT;
    }
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(contents.get()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from the JDK", e);
    }
  }

  private String originalPath(String path) {
    return base + "/original" + path;
  }

  private String absentPath(String path) {
    return base + "/absent" + path;
  }

  private String writtenPath(String path) {
    return base + "/written" + path;
  }

  /** The path exists but is a directory, device or socket: nothing to overwrite or append to. */
  static final class NotARegularFileException extends IOException {
    NotARegularFileException(String path) {
      super("not a regular file: \"" + path + "\"");
    }
  }
}

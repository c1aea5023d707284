package dev.spindle.platform.files;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The node's files, seen from a root directory: {@code /} on Linux, a temporary directory on the simulated node.
 * Paths are node paths ({@code /etc/resolv.conf}, leading slash optional), always taken relative to the root; one that
 * would leave it (a {@code ..} segment, a symbolic link pointing outside) is refused with a
 * {@link PathOutsideRootException}, so a configured path can never reach the host beyond the root.
 *
 * <p>Writes are atomic: a reader sees the old file or the new one, and a crash leaves one of them, never a truncated
 * file. That is what lets the files controllers rewrite {@code /etc} files a running resolver or TLS client reads.
 */
public interface NodeFiles {
  /** The root directory, as configured. */
  Path root();

  /** The host path a node path stands for, after the containment checks (existing symbolic links resolved). */
  Path resolve(String nodePath) throws IOException;

  /** The file's contents; empty if it does not exist. A directory is an error. */
  Optional<byte[]> read(String nodePath) throws IOException;

  /** Whether anything (file, directory, ...) exists at the path. */
  boolean exists(String nodePath) throws IOException;

  /** Whether the path is a regular file (after following a contained symbolic link). */
  boolean isRegularFile(String nodePath) throws IOException;

  /** The permission bits (including setuid, setgid, sticky) of an existing file; empty if it does not exist. */
  OptionalInt mode(String nodePath) throws IOException;

  /**
   * Replaces the file with {@code contents} and permission bits {@code mode}: writes a temporary file in the same
   * directory, syncs it, sets the mode, renames it over the target and syncs the directory. Missing parent
   * directories are created (0755). A symbolic link at the path is written through, as a plain write would.
   */
  void writeAtomically(String nodePath, byte[] contents, int mode) throws IOException;

  /** Removes the file; false if there was none. */
  boolean delete(String nodePath) throws IOException;

  /** Every regular file under the directory, recursively, as sorted node paths; empty if the directory is missing. */
  List<String> list(String nodeDirectory) throws IOException;

  /** {@link #writeAtomically} unless the file already has exactly these contents and mode; true if it wrote. */
  default boolean update(String nodePath, byte[] contents, int mode) throws IOException {
    Optional<byte[]> current = read(nodePath);
    if (current.isPresent() && Arrays.equals(current.get(), contents) && mode(nodePath).orElse(-1) == mode) {
      return false;
    }
    writeAtomically(nodePath, contents, mode);
    return true;
  }
}

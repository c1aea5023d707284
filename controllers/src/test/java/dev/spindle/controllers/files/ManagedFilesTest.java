package dev.spindle.controllers.files;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.platform.files.LocalNodeFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManagedFilesTest {
  private static final String BASE = "/var/lib/spindle/files/test";

  @TempDir
  Path root;
  Path hosts;

  @BeforeEach
  void node() throws Exception {
    hosts = Files.writeString(Files.createDirectories(root.resolve("etc")).resolve("hosts"), "original");
  }

  private ManagedFiles managed() throws Exception {
    return new ManagedFiles(new LocalNodeFiles(root), BASE);
  }

  private static String text(ManagedFiles.Original original) {
    return new String(original.contents().orElseThrow(), UTF_8);
  }

  @Test
  void theFirstOriginalIsKeptThroughLaterWritesAndComesBack() throws Exception {
    managed().write("/etc/hosts", "one".getBytes(UTF_8), 0644);
    managed().write("/etc/hosts", "two".getBytes(UTF_8), 0644);
    assertThat(Files.readString(hosts)).isEqualTo("two");
    assertThat(text(managed().originalOrCurrent("/etc/hosts"))).isEqualTo("original");
    assertThat(managed().paths()).containsExactly("/etc/hosts");
    managed().restore("/etc/hosts");
    assertThat(Files.readString(hosts)).isEqualTo("original");
    assertThat(managed().paths()).isEmpty();
  }

  @Test
  void anUnchangedFileIsNotRewritten() throws Exception {
    managed().write("/etc/hosts", "one".getBytes(UTF_8), 0644);
    Object inode = Files.getAttribute(hosts, "unix:ino");
    managed().write("/etc/hosts", "one".getBytes(UTF_8), 0644);
    assertThat(Files.getAttribute(hosts, "unix:ino")).isEqualTo(inode);
    managed().write("/etc/hosts", "one".getBytes(UTF_8), 0600);
    assertThat(Files.getAttribute(hosts, "unix:ino")).isNotEqualTo(inode);
  }

  @Test
  void aFileThatDidNotExistIsRemovedOnRestore() throws Exception {
    managed().write("/var/new", "x".getBytes(UTF_8), 0644);
    assertThat(managed().originalOrCurrent("/var/new").existed()).isFalse();
    managed().restore("/var/new");
    assertThat(root.resolve("var/new")).doesNotExist();
  }

  /** A package update replaced the file: Spindle builds on the new version instead of reverting to the old one. */
  @Test
  void aFileReplacedBehindSpindlesBackIsTheNewOriginal() throws Exception {
    managed().write("/etc/hosts", "original\nmine".getBytes(UTF_8), 0644);
    Files.writeString(hosts, "updated by the distribution");
    assertThat(text(managed().originalOrCurrent("/etc/hosts"))).isEqualTo("updated by the distribution");
    managed().write("/etc/hosts", "updated by the distribution\nmine".getBytes(UTF_8), 0644);
    managed().restore("/etc/hosts");
    assertThat(Files.readString(hosts)).isEqualTo("updated by the distribution");
  }

  @Test
  void aReplacedFileIsLeftAloneOnRestore() throws Exception {
    managed().write("/etc/hosts", "mine".getBytes(UTF_8), 0644);
    Files.writeString(hosts, "theirs");
    managed().restore("/etc/hosts");
    assertThat(Files.readString(hosts)).isEqualTo("theirs");
    assertThat(managed().paths()).isEmpty();
  }

  /** A crash after the intent was recorded and before the rename: the old output is still recognised as Spindle's. */
  @Test
  void aCrashBetweenIntentAndWriteKeepsTheOriginal() throws Exception {
    managed().write("/etc/hosts", "first output".getBytes(UTF_8), 0644);
    var files = new LocalNodeFiles(root);
    // what write() records before replacing the file, as a crash would leave it
    String intent = new String(files.read(BASE + "/written/etc/hosts").orElseThrow(), UTF_8) + "\n" + sha256("next");
    files.writeAtomically(BASE + "/written/etc/hosts", intent.getBytes(UTF_8), 0600);
    assertThat(text(managed().originalOrCurrent("/etc/hosts"))).isEqualTo("original");
    Files.writeString(hosts, "next"); // or the crash came right after the rename
    assertThat(text(managed().originalOrCurrent("/etc/hosts"))).isEqualTo("original");
  }

  private static String sha256(String s) throws Exception {
    return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(UTF_8)));
  }
}

package dev.spindle.platform.files;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The real adapter on a temporary root: it runs everywhere, so there is no fake to keep honest. */
class LocalNodeFilesTest {
  @TempDir
  Path tmp;
  Path root;
  Path outside;
  LocalNodeFiles files;

  @BeforeEach
  void setUp() throws IOException {
    root = Files.createDirectory(tmp.resolve("root"));
    outside = Files.createDirectory(tmp.resolve("outside"));
    files = new LocalNodeFiles(root);
  }

  @Test
  void writesUnderTheRootWithParentsAndMode() throws IOException {
    files.writeAtomically("etc/ssl/certs/bundle.crt", "pem".getBytes(UTF_8), 0640);
    Path written = root.resolve("etc/ssl/certs/bundle.crt");
    assertThat(Files.readString(written)).isEqualTo("pem");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(written))).isEqualTo("rw-r-----");
    assertThat(files.read("/etc/ssl/certs/bundle.crt")).hasValueSatisfying(b -> assertThat(b).asString(UTF_8)
        .isEqualTo("pem"));
    assertThat(files.mode("/etc//ssl/./certs/bundle.crt")).hasValue(0640);
    assertThat(files.isRegularFile("/etc/ssl/certs/bundle.crt")).isTrue();
    assertThat(files.isRegularFile("/etc/ssl/certs")).isFalse();
    assertThat(files.exists("/etc/ssl/certs")).isTrue();
  }

  @Test
  void specialBitsAreKept() throws IOException {
    files.writeAtomically("/usr/bin/tool", new byte[] {1}, 04755);
    assertThat(files.mode("/usr/bin/tool")).hasValue(04755);
  }

  @Test
  void missingFilesReadAsEmpty() throws IOException {
    assertThat(files.read("/etc/none")).isEmpty();
    assertThat(files.mode("/etc/none")).isEmpty();
    assertThat(files.exists("/etc/none")).isFalse();
    assertThat(files.delete("/etc/none")).isFalse();
    assertThat(files.list("/var/none")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"../outside/x", "/etc/../../outside/x", "/etc/../etc/hosts", "..", "a/\0b"})
  void dotDotAndNulAreRefused(String path) {
    assertThatThrownBy(() -> files.writeAtomically(path, new byte[0], 0644))
        .isInstanceOf(PathOutsideRootException.class)
        .hasMessageContaining("is outside the node's root");
    assertThat(outside).isEmptyDirectory();
  }

  @Test
  void aLinkToADirectoryOutsideIsRefused() throws IOException {
    Files.createDirectories(root.resolve("etc"));
    Files.createSymbolicLink(root.resolve("etc/certs"), outside);
    assertThatThrownBy(() -> files.writeAtomically("/etc/certs/ca.crt", new byte[] {1}, 0644))
        .isInstanceOf(PathOutsideRootException.class)
        .hasMessage("path \"/etc/certs/ca.crt\" is outside the node's root: the symbolic link /etc/certs points to "
            + outside.toRealPath());
    assertThat(outside).isEmptyDirectory();
  }

  @Test
  void aLinkToAFileOutsideIsNeitherReadNorReplaced() throws IOException {
    Path secret = Files.writeString(outside.resolve("shadow"), "secret");
    Files.createDirectories(root.resolve("etc"));
    Files.createSymbolicLink(root.resolve("etc/shadow"), secret);
    assertThatThrownBy(() -> files.read("/etc/shadow")).isInstanceOf(PathOutsideRootException.class);
    assertThatThrownBy(() -> files.writeAtomically("/etc/shadow", new byte[] {1}, 0600))
        .isInstanceOf(PathOutsideRootException.class);
    assertThat(Files.readString(secret)).isEqualTo("secret");
    assertThat(Files.isSymbolicLink(root.resolve("etc/shadow"))).isTrue();
  }

  @Test
  void aRelativeLinkClimbingOutIsRefused() throws IOException {
    Files.createDirectories(root.resolve("etc"));
    Files.createSymbolicLink(root.resolve("etc/up"), Path.of("../../outside"));
    assertThatThrownBy(() -> files.list("/etc/up")).isInstanceOf(PathOutsideRootException.class);
  }

  @Test
  void aDanglingLinkIsRefused() throws IOException {
    Files.createDirectories(root.resolve("etc"));
    Files.createSymbolicLink(root.resolve("etc/resolv.conf"), Path.of("../run/missing"));
    assertThatThrownBy(() -> files.writeAtomically("/etc/resolv.conf", new byte[] {1}, 0644))
        .isInstanceOf(PathOutsideRootException.class)
        .hasMessageContaining("which does not exist");
  }

  @Test
  void aLinkInsideTheRootIsWrittenThroughAndKept() throws IOException {
    Files.createDirectories(root.resolve("etc"));
    Path target = Files.writeString(Files.createDirectories(root.resolve("run")).resolve("resolv.conf"), "old");
    Files.createSymbolicLink(root.resolve("etc/resolv.conf"), Path.of("../run/resolv.conf"));
    files.writeAtomically("/etc/resolv.conf", "new".getBytes(UTF_8), 0644);
    assertThat(Files.isSymbolicLink(root.resolve("etc/resolv.conf"))).isTrue();
    assertThat(Files.readString(target)).isEqualTo("new");
  }

  @Test
  void aDirectoryIsNotReplaced() throws IOException {
    Files.createDirectories(root.resolve("etc/hosts"));
    assertThatThrownBy(() -> files.writeAtomically("/etc/hosts", new byte[] {1}, 0644))
        .hasMessage("writing /etc/hosts: it is a directory");
    assertThatThrownBy(() -> files.writeAtomically("/", new byte[] {1}, 0644))
        .hasMessage("writing /: it is the root directory");
  }

  @Test
  void aFailedWriteLeavesTheOldFileAndNoTemporaryFile() throws IOException {
    assumeFalse("root".equals(System.getProperty("user.name")), "root ignores directory permissions");
    files.writeAtomically("/etc/locked/file", "old".getBytes(UTF_8), 0644);
    Path dir = root.resolve("etc/locked");
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      assertThatThrownBy(() -> files.writeAtomically("/etc/locked/file", "new".getBytes(UTF_8), 0644))
          .hasMessage("writing /etc/locked/file: permission denied");
      assertThat(Files.readString(dir.resolve("file"))).isEqualTo("old");
      assertThat(names(dir)).containsExactly("file");
    } finally {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  /** A reader racing many rewrites only ever sees a whole old or a whole new file, and no temporary file remains. */
  @Test
  void aReaderNeverSeesAPartialFile() throws Exception {
    byte[] a = new byte[256 * 1024];
    byte[] b = new byte[384 * 1024];
    Arrays.fill(a, (byte) 'a');
    Arrays.fill(b, (byte) 'b');
    files.writeAtomically("/etc/big", a, 0644);
    Path target = root.resolve("etc/big");
    var done = new AtomicBoolean();
    var reads = new AtomicInteger();
    var torn = new ArrayList<String>();
    Thread reader = Thread.ofPlatform().start(() -> {
      while (!done.get()) {
        try {
          byte[] seen = Files.readAllBytes(target);
          reads.incrementAndGet();
          if (!Arrays.equals(seen, a) && !Arrays.equals(seen, b)) {
            synchronized (torn) {
              torn.add(seen.length + " bytes");
            }
          }
        } catch (NoSuchFileException gap) {
          synchronized (torn) {
            torn.add("missing");
          }
        } catch (IOException e) {
          throw new RuntimeException(e);
        }
      }
    });
    for (int i = 0; i < 300; i++) {
      files.writeAtomically("/etc/big", i % 2 == 0 ? b : a, 0644);
    }
    done.set(true);
    reader.join();
    assertThat(reads.get()).as("reads made during the rewrites").isPositive();
    assertThat(torn).as("partial or missing files seen").isEmpty();
    assertThat(names(root.resolve("etc"))).containsExactly("big");
  }

  @Test
  void updateWritesOnlyWhenContentsOrModeDiffer() throws IOException {
    assertThat(files.update("/etc/a", "x".getBytes(UTF_8), 0644)).isTrue();
    assertThat(files.update("/etc/a", "x".getBytes(UTF_8), 0644)).isFalse();
    assertThat(files.update("/etc/a", "x".getBytes(UTF_8), 0600)).isTrue();
    assertThat(files.update("/etc/a", "y".getBytes(UTF_8), 0600)).isTrue();
    assertThat(files.mode("/etc/a")).hasValue(0600);
  }

  @Test
  void listAndDeleteSpeakNodePaths() throws IOException {
    files.writeAtomically("/var/lib/x/b", new byte[0], 0644);
    files.writeAtomically("/var/lib/x/a/c", new byte[0], 0644);
    assertThat(files.list("/var/lib/x")).containsExactly("/var/lib/x/a/c", "/var/lib/x/b");
    assertThat(files.delete("var/lib/x/b")).isTrue();
    assertThat(files.list("/var/lib/x")).containsExactly("/var/lib/x/a/c");
  }

  @Test
  void theRootMustBeADirectory() throws IOException {
    Path file = Files.writeString(tmp.resolve("file"), "");
    assertThatThrownBy(() -> new LocalNodeFiles(file)).hasMessageContaining("is not a directory");
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}

package dev.spindle.controllers.files;

import static dev.spindle.controllers.files.FilesConfigs.file;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.resources.config.MachineFile;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MachineFilesPlanTest {
  /** A node with /etc/hosts (0640) and a directory /etc/ssl/certs. */
  private static final Map<String, ManagedFiles.Original> DISK = Map.of(
      "/etc/hosts", new ManagedFiles.Original(Optional.of("127.0.0.1 localhost".getBytes(UTF_8)), 0640),
      "/etc/ssl/certs/ca-certificates", new ManagedFiles.Original(Optional.of("BASE".getBytes(UTF_8)), 0644));

  private static MachineFilesPlan.Plan plan(MachineFile... files) {
    return MachineFilesPlan.plan(List.of(files), Set.of("/etc/resolv.conf"), path -> {
      if (path.equals("/etc/ssl")) {
        throw new ManagedFiles.NotARegularFileException(path);
      }
      return DISK.getOrDefault(path, new ManagedFiles.Original(Optional.empty(), 0));
    });
  }

  static Stream<Arguments> invalid() {
    String pem = TestCertificates.pem(0);
    return Stream.of(
        Arguments.of(file("create", "/etc/new.conf", 0644, "x"),
            "machine.files[0]: create operation not allowed outside of /var: \"/etc/new.conf\""),
        Arguments.of(file("overwrite", "/etc/missing", 0644, "x"), "machine.files[0]: file must exist: \"/etc/missing\""),
        Arguments.of(file("append", "/var/missing", 0644, "x"), "machine.files[0]: file must exist: \"/var/missing\""),
        Arguments.of(file("replace", "/etc/hosts", 0644, "x"),
            "machine.files[0]: unknown operation for file \"/etc/hosts\": \"replace\""),
        Arguments.of(file("create", "var/rel", 0644, "x"), "machine.files[0].path: \"var/rel\" is not an absolute path"),
        Arguments.of(file("create", "", 0644, "x"), "machine.files[0].path: \"\" is not an absolute path"),
        Arguments.of(file("create", "/", 0644, "x"), "machine.files[0].path: \"/\" is the root directory"),
        Arguments.of(file("create", "/var/../etc/passwd", 0644, "x"),
            "machine.files[0].path: path \"/var/../etc/passwd\" is outside the node's root: \"..\" segments are not "
                + "allowed"),
        Arguments.of(file("create", "/var/lib/spindle/files/machine/original/etc/hosts", 0644, "x"),
            "machine.files[0]: \"/var/lib/spindle/files/machine/original/etc/hosts\" is below /var/lib/spindle, "
                + "which holds Spindle's own state"),
        Arguments.of(file("overwrite", "/etc/resolv.conf", 0644, "nameserver 1.1.1.1"),
            "machine.files[0]: \"/etc/resolv.conf\" is rendered by Spindle (EtcFileSpec resolv.conf); use the "
                + "dedicated configuration document (e.g. TrustedRootsConfig) instead"),
        Arguments.of(file("append", "/etc/ssl", 0644, "x"), "machine.files[0]: not a regular file: \"/etc/ssl\""),
        Arguments.of(file("overwrite", "/etc/hosts", 010000, "x"),
            "machine.files[0]: invalid permissions 010000 for \"/etc/hosts\""),
        Arguments.of(file("append", "/etc/ssl/certs/ca-certificates", 0644, "-- BEGIN1 --"),
            "machine.files[0].content: no PEM certificate found"),
        Arguments.of(file("create", "/var/certs/corp.pem", 0644, pem.replace("MI", "M!")),
            "machine.files[0].content: certificate 1: invalid base64 (Illegal base64 character 21)"),
        Arguments.of(file("create", "/var/certs/corp.crt", 0644, "-----BEGIN PRIVATE KEY-----\nAA==\n-----END PRIVATE KEY-----"),
            "machine.files[0].content: block 1 is a PRIVATE KEY, not a CERTIFICATE"));
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void invalidEntriesAreLocated(MachineFile entry, String error) {
    var plan = plan(entry);
    assertThat(plan.valid()).isFalse();
    assertThat(plan.paths()).singleElement().satisfies(p -> assertThat(p.errors()).containsExactly(error));
  }

  @Test
  void oneInvalidEntryMakesTheWholeSetInvalidAndEveryErrorIsListed() {
    var plan = plan(file("overwrite", "/etc/hosts", 0644, "ok"), file("create", "/etc/x", 0644, "x"),
        file("overwrite", "/etc/y", 0644, "y"));
    assertThat(plan.valid()).isFalse();
    assertThat(plan.invalidEntries()).containsExactly("machine.files[1]", "machine.files[2]");
    assertThat(plan.paths().get(0).valid()).isTrue();
  }

  @Test
  void appendIsTheOriginalANewlineAndTheContent() {
    var p = plan(file("append", "/etc/hosts", 0, "10.0.0.1 node")).paths().get(0);
    assertThat(new String(p.contents(), UTF_8)).isEqualTo("127.0.0.1 localhost\n10.0.0.1 node");
    assertThat(p.mode()).as("permissions 0 keep the original's").isEqualTo(0640);
  }

  @Test
  void entriesForOnePathApplyInOrder() {
    var p = plan(file("create", "/var/etc/app.conf", 0600, "a=1"), file("append", "/var/etc/app.conf", 0, "b=2"),
        file("append", "//var/./etc/app.conf", 0, "c=3")).paths();
    assertThat(p).singleElement().satisfies(path -> {
      assertThat(path.path()).isEqualTo("/var/etc/app.conf");
      assertThat(path.ops()).containsExactly("create", "append", "append");
      assertThat(path.entries()).containsExactly(0, 1, 2);
      assertThat(new String(path.contents(), UTF_8)).isEqualTo("a=1\nb=2\nc=3");
      assertThat(path.mode()).isEqualTo(0600);
    });
  }

  @Test
  void aNewFileWithoutPermissionsIs0644() {
    assertThat(plan(file("create", "/var/new", 0, "x")).paths().get(0).mode()).isEqualTo(0644);
  }

  @Test
  void overwriteReplacesAndAGoodPemAppendPasses() {
    var plan = plan(file("overwrite", "/etc/hosts", 0644, "new"),
        file("append", "/etc/ssl/certs/ca-certificates", 0644, TestCertificates.pem(0)));
    assertThat(plan.valid()).isTrue();
    assertThat(new String(plan.paths().get(0).contents(), UTF_8)).isEqualTo("new");
    assertThat(new String(plan.paths().get(1).contents(), UTF_8)).isEqualTo("BASE\n" + TestCertificates.pem(0));
  }
}

package dev.spindle.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StateDirectoryPkiTest {

    @TempDir
    Path state;

    private final ServerNames names = ServerNames.of(List.of("node1", "192.0.2.10"));

    @Test
    void firstStartCreatesAllFilesWithKeysOwnerOnly() throws IOException {
        var loaded = new StateDirectoryPki(state, names).loadOrCreate();

        assertThat(loaded.outcome()).isEqualTo(StateDirectoryPki.Outcome.CREATED);
        Path pki = state.resolve("pki");
        try (Stream<Path> files = Files.list(pki)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    "ca.crt", "ca.key", "server.crt", "server.key", "admin.crt", "admin.key");
        }
        for (String key : List.of("ca.key", "server.key", "admin.key")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pki.resolve(key))))
                    .as(key).isEqualTo("rw-------");
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pki))).isEqualTo("rwx------");
        assertThat(Files.readString(pki.resolve("ca.key"))).startsWith("-----BEGIN PRIVATE KEY-----");
        Pki created = loaded.pki();
        assertThat(created.ca().issued(created.server().certificate())).isTrue();
        assertThat(names.coveredBy(created.server().certificate())).isTrue();
        assertThat(ClientIdentity.fromCertificate(created.admin().certificate()))
                .isEqualTo(new ClientIdentity(Role.ADMIN, "admin"));
    }

    @Test
    void laterStartsReuseEverything() throws IOException {
        Pki first = new StateDirectoryPki(state, names).loadOrCreate().pki();
        Map<String, String> before = snapshot();

        var second = new StateDirectoryPki(state, names).loadOrCreate();

        assertThat(second.outcome()).isEqualTo(StateDirectoryPki.Outcome.LOADED);
        assertThat(second.notes()).isEmpty();
        assertThat(second.pki().ca().certificate()).isEqualTo(first.ca().certificate());
        assertThat(second.pki().ca().certifiedKey().privateKey().getEncoded())
                .isEqualTo(first.ca().certifiedKey().privateKey().getEncoded());
        assertThat(second.pki().server().certificate()).isEqualTo(first.server().certificate());
        assertThat(second.pki().admin().certificate()).isEqualTo(first.admin().certificate());
        assertThat(snapshot()).isEqualTo(before);
        assertThat(PosixFilePermissions.toString(
                Files.getPosixFilePermissions(state.resolve("pki/ca.key")))).isEqualTo("rw-------");
    }

    @Test
    void serverCertificateExpiringSoonIsReissuedWithSameKeyAndCa() throws IOException {
        Pki first = new StateDirectoryPki(state, names)
                .withValidity(CertificateAuthority.DEFAULT_CA_VALIDITY, Duration.ofDays(10))
                .loadOrCreate().pki();
        String serverKeyBefore = Files.readString(state.resolve("pki/server.key"));

        var second = new StateDirectoryPki(state, names).loadOrCreate();

        assertThat(second.outcome()).isEqualTo(StateDirectoryPki.Outcome.SERVER_REISSUED);
        assertThat(second.notes()).anySatisfy(n -> assertThat(n).startsWith("server certificate re-issued: server.crt expires at"));
        assertThat(second.notes()).anySatisfy(n -> assertThat(n).startsWith("admin.crt expires at"));
        X509Assert.newer(second.pki().server(), first.server());
        assertThat(second.pki().ca().certificate()).isEqualTo(first.ca().certificate());
        assertThat(second.pki().admin().certificate()).isEqualTo(first.admin().certificate());
        assertThat(Files.readString(state.resolve("pki/server.key"))).isEqualTo(serverKeyBefore);
        assertThat(Pem.decodeCertificate(Files.readString(state.resolve("pki/server.crt"))))
                .isEqualTo(second.pki().server().certificate());
        assertThat(Duration.between(first.server().certificate().getNotAfter().toInstant(),
                second.pki().server().certificate().getNotAfter().toInstant())).isGreaterThan(Duration.ofDays(300));

        assertThat(new StateDirectoryPki(state, names).loadOrCreate().outcome())
                .isEqualTo(StateDirectoryPki.Outcome.LOADED);
    }

    @Test
    void serverCertificateIsReissuedWhenNamesGrow() throws IOException {
        Pki first = new StateDirectoryPki(state, names).loadOrCreate().pki();
        ServerNames more = ServerNames.of(List.of("node1", "192.0.2.10", "node1.example.org", "2001:db8::1"));

        var second = new StateDirectoryPki(state, more).loadOrCreate();

        assertThat(second.outcome()).isEqualTo(StateDirectoryPki.Outcome.SERVER_REISSUED);
        assertThat(more.coveredBy(second.pki().server().certificate())).isTrue();
        assertThat(second.notes()).containsExactly("server certificate re-issued: server.crt does not cover all of "
                + "localhost, node1, node1.example.org, 127.0.0.1, 0:0:0:0:0:0:0:1, 192.0.2.10, 2001:db8:0:0:0:0:0:1");
        assertThat(second.pki().ca().certificate()).isEqualTo(first.ca().certificate());
        // Fewer names than the certificate has is fine: it still covers them.
        assertThat(new StateDirectoryPki(state, ServerNames.loopback()).loadOrCreate().outcome())
                .isEqualTo(StateDirectoryPki.Outcome.LOADED);
    }

    @Test
    void missingServerPairIsIssuedAnew() throws IOException {
        Pki first = new StateDirectoryPki(state, names).loadOrCreate().pki();
        Files.delete(state.resolve("pki/server.crt"));

        var second = new StateDirectoryPki(state, names).loadOrCreate();

        assertThat(second.outcome()).isEqualTo(StateDirectoryPki.Outcome.SERVER_REISSUED);
        assertThat(second.pki().server().privateKey().getEncoded())
                .isNotEqualTo(first.server().privateKey().getEncoded());
        assertThat(second.pki().server().keyMatchesCertificate()).isTrue();
        assertThat(new StateDirectoryPki(state, names).loadOrCreate().pki().server().certificate())
                .isEqualTo(second.pki().server().certificate());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "ca.crt,     garbage,   not a valid PEM certificate",
        "ca.key,     truncated, not a valid PEM private key",
        "server.crt, empty,     empty",
        "server.key, binary,    contains binary data",
        "admin.crt,  truncated, not a valid PEM certificate",
        "admin.key,  missing,   missing",
        "ca.crt,     missing,   missing",
    })
    void damagedFileIsNamedAndNothingIsWritten(String file, String damage, String problem) throws IOException {
        new StateDirectoryPki(state, names).loadOrCreate();
        Path target = state.resolve("pki").resolve(file);
        String original = Files.readString(target);
        switch (damage) {
            case "garbage" -> Files.writeString(target, "this is not a certificate\n");
            case "truncated" -> Files.writeString(target, original.substring(0, original.length() / 2));
            case "empty" -> Files.write(target, new byte[0]);
            case "binary" -> Files.write(target, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2});
            case "missing" -> Files.delete(target);
            default -> throw new IllegalArgumentException(damage);
        }
        Map<String, String> before = snapshot();

        assertThatThrownBy(() -> new StateDirectoryPki(state, names).loadOrCreate())
                .isInstanceOfSatisfying(PkiFileException.class, e -> assertThat(e.file()).isEqualTo(target))
                .hasMessageStartingWith(target + ": ")
                .hasMessageContaining(problem)
                .hasMessageContaining("nothing was changed");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void keyOfAnotherCertificateIsRefused() throws IOException {
        new StateDirectoryPki(state, names).loadOrCreate();
        Path pki = state.resolve("pki");
        Files.copy(pki.resolve("admin.key"), pki.resolve("ca.key"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        assertThatThrownBy(() -> new StateDirectoryPki(state, names).loadOrCreate())
                .isInstanceOf(PkiFileException.class)
                .hasMessageContaining("ca.key: is not the private key of ca.crt");
    }

    @Test
    void adminCertificateFromAnotherCaIsRefused() throws IOException {
        new StateDirectoryPki(state, names).loadOrCreate();
        CertifiedKey foreign = CertificateAuthority.generate("other").issueClient(Role.ADMIN, "admin");
        Files.writeString(state.resolve("pki/admin.crt"), foreign.certificatePem());
        Files.writeString(state.resolve("pki/admin.key"), foreign.privateKeyPem());

        assertThatThrownBy(() -> new StateDirectoryPki(state, names).loadOrCreate())
                .isInstanceOf(PkiFileException.class)
                .hasMessageContaining("admin.crt: was not issued by ca.crt");
    }

    @Test
    void pkiPathThatIsAFileIsRefused() throws IOException {
        Files.writeString(state.resolve("pki"), "oops");
        assertThatThrownBy(() -> new StateDirectoryPki(state, names).loadOrCreate())
                .isInstanceOf(PkiFileException.class)
                .hasMessageContaining("not a directory");
    }

    @Test
    void missingStateDirectoryIsCreatedAndStaleStagingRemoved() throws IOException {
        Path nested = state.resolve("var/lib/spindle");
        Files.createDirectories(nested);
        Path stale = Files.createDirectory(nested.resolve(".pki-staging-123"));
        Files.writeString(stale.resolve("ca.key"), "left over by a crash");

        new StateDirectoryPki(nested, names).loadOrCreate();

        assertThat(stale).doesNotExist();
        try (Stream<Path> entries = Files.list(nested)) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactly("pki");
        }
        assertThat(new StateDirectoryPki(state.resolve("fresh/dir"), names).loadOrCreate().outcome())
                .isEqualTo(StateDirectoryPki.Outcome.CREATED);
    }

    private Map<String, String> snapshot() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(state)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                files.put(state.relativize(path).toString(),
                        new String(Files.readAllBytes(path), StandardCharsets.ISO_8859_1)
                                + PosixFilePermissions.toString(Files.getPosixFilePermissions(path)));
            }
        }
        return files;
    }

    /** Small assertion helpers for certificates. */
    private static final class X509Assert {
        static void newer(CertifiedKey renewed, CertifiedKey old) {
            assertThat(renewed.certificate().getSerialNumber()).isNotEqualTo(old.certificate().getSerialNumber());
            assertThat(renewed.privateKey().getEncoded()).isEqualTo(old.privateKey().getEncoded());
            assertThat(renewed.keyMatchesCertificate()).isTrue();
        }
    }
}

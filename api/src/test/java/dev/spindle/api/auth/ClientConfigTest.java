package dev.spindle.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientConfigTest {

    @TempDir
    Path dir;

    private final Pki pki = Pki.generate(ServerNames.loopback());

    @Test
    void adminConfigRoundTripsThroughYaml() throws IOException {
        ClientConfig config = ClientConfig.forAdmin("node1", List.of("127.0.0.1:50000", "[::1]:50000"), pki);
        Path file = dir.resolve("home/.spindle/config");

        config.write(file);
        ClientConfig read = ClientConfig.read(file);

        assertThat(read).isEqualTo(config);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
        ClientContext context = read.currentContext();
        assertThat(context.endpoints()).containsExactly("127.0.0.1:50000", "[::1]:50000");
        assertThat(context.caCertificates()).containsExactly(pki.ca().certificate());
        assertThat(context.clientCertificate().certificate()).isEqualTo(pki.admin().certificate());
        assertThat(context.clientCertificate().privateKey().getEncoded()).isEqualTo(pki.admin().privateKey().getEncoded());
        assertThat(new String(Base64.getDecoder().decode(context.key()))).startsWith("-----BEGIN PRIVATE KEY-----");
    }

    @Test
    void yamlUsesTalosconfigFieldNames() {
        String yaml = ClientConfig.forAdmin("node1", List.of("127.0.0.1:50000"), pki).toYaml();
        assertThat(yaml).startsWith("context: node1\ncontexts:\n  node1:\n    endpoints:\n    - 127.0.0.1:50000\n    ca: LS0t")
                .contains("\n    crt: LS0t", "\n    key: LS0t")
                .doesNotContain("nodes", "---");
    }

    @Test
    void readsTalosconfigStyleFilesIgnoringUnknownFields() throws IOException {
        ClientContext admin = ClientContext.of(List.of("x"), pki.ca().certificate(), pki.admin());
        Path file = dir.resolve("talosconfig");
        Files.writeString(file, """
                context: prod
                contexts:
                    prod:
                        endpoints:
                            - 10.5.0.2
                        nodes:
                            - 10.5.0.3
                        ca: %s
                        crt: %s
                        key: %s
                        cluster: prod-cluster
                    other:
                        endpoints: []
                """.formatted(admin.ca(), admin.crt(), admin.key()));

        ClientConfig config = ClientConfig.read(file);

        assertThat(config.contexts()).containsOnlyKeys("prod", "other");
        assertThat(config.currentContext().endpoints()).containsExactly("10.5.0.2");
        assertThat(config.currentContext().nodes()).containsExactly("10.5.0.3");
        assertThat(config.currentContext().clientCertificate().certificate()).isEqualTo(pki.admin().certificate());
    }

    @Test
    void undefinedContextListsTheDefinedOnes() {
        Map<String, ClientContext> contexts = new LinkedHashMap<>();
        contexts.put("a", new ClientContext(List.of(), null, null, null, null));
        contexts.put("b", new ClientContext(List.of(), null, null, null, null));
        assertThatThrownBy(() -> new ClientConfig("c", contexts).currentContext())
                .hasMessage("context 'c' is not defined; defined contexts: a, b");
        assertThatThrownBy(() -> contexts.get("a").clientCertificate())
                .hasMessage("context field 'crt' is missing");
    }

    @Test
    void syntaxErrorNamesFileAndLine() throws IOException {
        Path file = dir.resolve("config");
        Files.writeString(file, "context: a\ncontexts: [unclosed\n");
        assertThatThrownBy(() -> ClientConfig.read(file))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith(file + ": not a valid client config at line");
        assertThatThrownBy(() -> ClientConfig.read(dir.resolve("absent")))
                .hasMessageContaining("absent");
    }

    @Test
    void resolvePathPrefersFlagThenEnvThenHome() {
        Path home = Path.of("/home/alice");
        assertThat(ClientConfig.resolvePath("/etc/flag", "/etc/env", home)).isEqualTo(Path.of("/etc/flag"));
        assertThat(ClientConfig.resolvePath(null, "/etc/env", home)).isEqualTo(Path.of("/etc/env"));
        assertThat(ClientConfig.resolvePath("", "/etc/env", home)).isEqualTo(Path.of("/etc/env"));
        assertThat(ClientConfig.resolvePath(null, null, home)).isEqualTo(Path.of("/home/alice/.spindle/config"));
        assertThat(ClientConfig.resolvePath(null, " ", home)).isEqualTo(Path.of("/home/alice/.spindle/config"));
        assertThat(ClientConfig.resolvePath("/x", null, home)).isEqualTo(Path.of("/x"));
        assertThat(ClientConfig.resolvePath("/x")).isEqualTo(Path.of("/x"));
    }

    @Test
    void rewriteReplacesAtomicallyAndKeepsMode() throws IOException {
        Path file = dir.resolve("config");
        ClientConfig.forAdmin("one", List.of("127.0.0.1:1"), pki).write(file);
        ClientConfig.forAdmin("two", List.of("127.0.0.1:2"), pki).write(file);
        assertThat(ClientConfig.read(file).context()).isEqualTo("two");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (var entries = Files.list(dir)) {
            assertThat(entries).containsExactly(file);
        }
    }
}

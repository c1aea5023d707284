package dev.spindle.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The SnakeYAML fast path reads exactly what Jackson reads, and leaves everything unusual to Jackson. */
class PlainClientConfigTest {
    private static final Path FILE = Path.of("config");

    @ParameterizedTest
    @ValueSource(strings = {
        "context: a\ncontexts:\n  a:\n    endpoints:\n    - 127.0.0.1:50000\n    - '[::1]:50000'\n"
            + "    ca: Y2E=\n    crt: Y3J0\n    key: a2V5\n",
        "context: \"a\"\ncontexts:\n  a: {endpoints: [h:1], nodes: [n1, n2], ca: 'x', crt: y, key: z}\n  b: {}\n",
        "contexts:\n  a:\n    endpoints: ~\n    nodes: null\n    ca: ~\n",
        "context: a\ncontexts: ~\n",
        "context: prod\ncontexts:\n  prod:\n    endpoints: [x]\n    auth: {siderov1: {identity: me}}\n    cluster: c\n"
            + "extra: [1, 2, {k: v}]\n",
        "# comment only before\ncontext: a\n",
    })
    void agreesWithJacksonOnPlainConfigs(String yaml) throws IOException {
        byte[] bytes = yaml.getBytes(StandardCharsets.UTF_8);
        ClientConfig plain = PlainClientConfig.read(bytes);
        assertThat(plain).isNotNull().isEqualTo(ClientConfig.readWithJackson(bytes, FILE));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "[1, 2]",
        "context: yes\n",                             // YAML 1.1 boolean: Jackson turns it into "true"
        "context: 123\n",                             // a number where a string belongs
        "contexts:\n  a:\n    endpoints: h:1\n",      // a scalar where a list belongs
        "contexts:\n  a:\n    endpoints: [1]\n",
        "contexts:\n  a: &x {ca: c}\n  b: *x\n",      // anchors and aliases
        "context: a\ncontext: b\n",                   // duplicate keys
        "context: a\n---\ncontext: b\n",              // two documents
        "contexts:\n  a: ~\n",
        "contexts:\n  a:\n    endpoints:\n",            // empty: Jackson reads "" and rejects it for a list
        "context:\n",
        "contexts:\n  a: {ca: x}\n  a: {ca: y}\n",
        "context: !!str a\ncontexts: {a: [x]}\n",
        "context: [unclosed\n",
    })
    void leavesEverythingElseToJackson(String yaml) {
        assertThat(PlainClientConfig.read(yaml.getBytes(StandardCharsets.UTF_8))).isNull();
    }

    @Test
    void readsWhatTheDaemonWrites() throws IOException {
        Pki pki = Pki.generate(ServerNames.loopback());
        ClientConfig config = ClientConfig.forAdmin("node1", List.of("127.0.0.1:50000", "[::1]:50000"), pki);
        byte[] bytes = config.toYaml().getBytes(StandardCharsets.UTF_8);
        assertThat(PlainClientConfig.read(bytes)).isEqualTo(config)
                .isEqualTo(ClientConfig.readWithJackson(bytes, FILE));
    }
}

package dev.spindle.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.api.auth.ClientConfig;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/** Every log line of a first start (PKI creation, client config) and a restart is free of key material. */
@QuarkusTest
class NoSecretsInLogsTest {
  @Inject
  SpindleNode node;

  private static final String CLUSTER_SECRET = "c3VwZXItc2VjcmV0LWNsdXN0ZXItc2VjcmV0LXZhbHVlMDE=";
  private static final String PROXY_PASSWORD = "pr0xy-Pa55w0rd";
  private static final String WG_PRIVATE_KEY = "YEocP6RcYQwnf4Yd8FUzbm8xyDmwqBsK5MxJ5k9d2Ho=";
  private static final String WG_DOCUMENT_KEY = "cHvVD4JyXbWuU4TtGTHr7nF7Zp4yTcz1nLz1NExf5mU=";
  private static final String WG_PRESHARED_KEY = "6j4UMxwszrHVZZUjY8/SFsZMjgaHkxV7yp9Tz05btho=";
  private static final String WITH_SECRETS = """
      apiVersion: v1alpha1
      kind: WireguardConfig
      name: wg1
      privateKey: %s
      peers:
        - publicKey: 735jkJdcVDninU5PzLJ/S+bfN6Q3QOk6svWrVLMJQAk=
          presharedKey: %s
          endpoint: 192.0.2.1:51820
      ---
      version: v1alpha1
      machine:
        type: worker
        env:
          https_proxy: http://alice:%s@proxy.corp.example:3128
        network:
          interfaces:
            - interface: wg0
              wireguard:
                privateKey: %s
      cluster:
        id: 0123456789abcdef0123456789abcdef0123456789a=
        secret: %s
      """.formatted(WG_DOCUMENT_KEY, WG_PRESHARED_KEY, PROXY_PASSWORD, WG_PRIVATE_KEY, CLUSTER_SECRET);

  @Test
  void configurationSecretsNeverReachTheLogEvenFromARejectedConfiguration() throws Exception {
    var lines = new ArrayList<String>();
    Handler capture = capture(lines);
    var root = java.util.logging.Logger.getLogger("");
    root.addHandler(capture);
    Path dir = Files.createTempDirectory("spindled-config-secrets");
    try {
      Path good = Files.writeString(dir.resolve("good.yaml"), WITH_SECRETS);
      // the same secrets next to two errors: the rejection lists every problem
      Path bad = Files.writeString(dir.resolve("bad.yaml"), WITH_SECRETS.replace("type: worker",
          "type: worker\n  kubelett: {}") + "  discovery:\n    enabled: maybe\n");
      node.start(options(dir, good));
      node.stop();
      // spindled logs this message when a start fails
      Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() -> node.start(options(dir, bad)));
      assertThat(refused).hasMessageContaining("machine.kubelett").hasMessageContaining("cluster.discovery.enabled");
      lines.add(refused.getMessage());
      node.stop();
    } finally {
      root.removeHandler(capture);
    }
    assertThat(lines).as("captured log lines").anySatisfy(l -> assertThat(l).contains("machine.kubelett"));
    for (String line : lines) {
      assertThat(line).doesNotContain(CLUSTER_SECRET).doesNotContain(PROXY_PASSWORD).doesNotContain(WG_PRIVATE_KEY)
          .doesNotContain(WG_DOCUMENT_KEY).doesNotContain(WG_PRESHARED_KEY);
    }
  }

  private static DaemonOptions options(Path dir, Path config) {
    return new DaemonOptions(Platform.SIMULATED, dir.resolve("state"), new InetSocketAddress("127.0.0.1", 0),
        List.of(), dir.resolve("config"), "secrets", config, false, dir.resolve("root"));
  }

  private static Handler capture(List<String> lines) {
    return new Handler() {
      @Override
      public void publish(LogRecord record) {
        synchronized (lines) {
          lines.add(String.valueOf(record.getMessage()) + " " + List.of(record.getParameters() == null
              ? new Object[0] : record.getParameters()) + " " + record.getThrown());
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
  }

  @Test
  void keysNeverReachTheLog() throws Exception {
    var lines = new ArrayList<String>();
    Handler capture = capture(lines);
    var root = java.util.logging.Logger.getLogger("");
    root.addHandler(capture);
    Path dir = Files.createTempDirectory("spindled-secrets");
    try {
      var options = new DaemonOptions(Platform.SIMULATED, dir.resolve("state"), new InetSocketAddress("127.0.0.1", 0),
          List.of(), dir.resolve("config"), "secrets", null, false, dir.resolve("root"));
      node.start(options);
      node.stop();
      node.start(options);
      node.stop();
    } finally {
      root.removeHandler(capture);
    }

    var secrets = new ArrayList<String>();
    for (String key : List.of("ca.key", "server.key", "admin.key")) {
      String pem = Files.readString(dir.resolve("state/pki").resolve(key));
      String body = pem.lines().filter(l -> !l.startsWith("-----")).reduce("", String::concat);
      secrets.add(body.substring(0, 24)); // any recognisable slice of the key
    }
    var context = ClientConfig.read(dir.resolve("config")).currentContext();
    secrets.add(context.key().substring(0, 24));
    secrets.add(Base64.getEncoder().encodeToString("PRIVATE KEY".getBytes()).substring(0, 12));

    assertThat(lines).as("captured log lines").isNotEmpty();
    for (String line : lines) {
      assertThat(line).doesNotContain("PRIVATE KEY");
      for (String secret : secrets) {
        assertThat(line).doesNotContain(secret);
      }
    }
  }
}

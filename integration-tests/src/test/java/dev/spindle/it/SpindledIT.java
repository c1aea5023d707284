package dev.spindle.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.spindle.runtime.meta.NamespaceSpec;
import dev.spindle.runtime.resource.Resource;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** spindled started as a process on its embedded default answers spindlectl get rd and streams get --watch. */
class SpindledIT {
  @TempDir
  Path dir;

  @Test
  void spindlectlGetsResourceDefinitionsAndWatchesChanges() throws Exception {
    try (var node = new SpindledProcess(dir)) {
      node.awaitReady();
      assertThat(node.log()).contains("platform simulated").contains("COSI State API on 127.0.0.1:" + node.grpcPort);

      var rd = node.spindlectl("get", "rd");
      assertThat(rd.exit()).as(rd.err()).isZero();
      assertThat(rd.out().lines().findFirst()).hasValueSatisfying(header ->
          assertThat(header.split("\\s{2,}")).containsExactly("NODE", "NAMESPACE", "TYPE", "ID", "VERSION", "ALIASES"));
      assertThat(rd.out()).contains("resourcedefinitions.meta.cosi.dev").contains("namespaces.meta.cosi.dev");

      // the kernel's eth0 gets its predictable name soon after the start, as udev renames it on Talos
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
        var links = node.spindlectl("get", "links");
        assertThat(links.exit()).as(links.err()).isZero();
        assertThat(links.out().lines().map(l -> List.of(l.split("\\s{2,}"))).toList())
            .anySatisfy(row -> assertThat(row).startsWith("NODE", "NAMESPACE", "TYPE", "ID", "VERSION", "ALIAS"))
            .anySatisfy(row -> assertThat(row).contains("LinkStatus", "enp0s2", "ether", "52:54:00:12:34:56", "up"))
            .noneSatisfy(row -> assertThat(row).contains("eth0"));
      });

      Process watch = node.spindlectlProcess("get", "namespaces", "--watch");
      var lines = new CopyOnWriteArrayList<String>();
      Thread.ofVirtual().start(() -> {
        try (var reader = new BufferedReader(new InputStreamReader(watch.getInputStream()))) {
          reader.lines().forEach(lines::add);
        } catch (Exception ignored) {
          // the process was stopped
        }
      });
      try {
        // talosctl's watch layout: NODE, then the event marker column, then the usual columns
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(lines)
            .anySatisfy(l -> assertThat(l.split("\\s+")).startsWith("NODE", "*", "NAMESPACE"))
            .anySatisfy(l -> assertThat(l.split("\\s+")).startsWith("127.0.0.1", "+", "meta", "Namespace",
                "network-config")));
        // a change made through the API while the watch runs arrives as its own event rows
        try (var admin = AdminClient.connect(node.clientConfig)) {
          var extra = admin.state().create(Resource.of(NamespaceSpec.DEFINITION, "it-extra", new NamespaceSpec("x")));
          await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(lines)
              .anySatisfy(l -> assertThat(l.split("\\s+")).startsWith("127.0.0.1", "+", "meta", "Namespace",
                  "it-extra")));
          admin.state().destroy(extra.pointer());
          await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(lines)
              .anySatisfy(l -> assertThat(l.split("\\s+")).startsWith("127.0.0.1", "-", "meta", "Namespace",
                  "it-extra")));
        }
      } finally {
        watch.destroy();
        watch.waitFor(10, TimeUnit.SECONDS);
      }

      var yaml = node.spindlectl("get", "ns", "network", "-o", "yaml");
      assertThat(yaml.exit()).isZero();
      assertThat(yaml.out()).startsWith("node: 127.0.0.1\nmetadata:\n    namespace: meta\n    type: Namespaces.meta.cosi.dev\n");

      var unknown = node.spindlectl("get", "linkz");
      assertThat(unknown.exit()).isEqualTo(3);
      assertThat(unknown.err()).startsWith("error: resource type \"linkz\" is not registered");

      int exit = node.stop();
      assertThat(exit).as("exit status after SIGTERM").isIn(0, 143);
      assertThat(node.log()).contains("spindled stopped");
    }
  }

  @Test
  void aSecondStartReusesThePkiAndTheClientConfigStillWorks() throws Exception {
    try (var first = new SpindledProcess(dir)) {
      first.awaitReady();
      first.stop();
    }
    String ca = Files.readString(dir.resolve("state/pki/ca.crt"));
    try (var second = new SpindledProcess(dir)) {
      second.awaitReady();
      assertThat(Files.readString(dir.resolve("state/pki/ca.crt"))).isEqualTo(ca);
      var ns = second.spindlectl("get", "ns");
      assertThat(ns.exit()).as(ns.err()).isZero();
      assertThat(ns.out().lines().skip(1).map(l -> l.split("\\s+")[3]).toList())
          .containsAll(List.of("config", "meta", "network", "network-config", "runtime"));
      second.stop();
    }
  }
}

package dev.spindle.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** spindled --platform linux in a fresh network namespace mirrors the kernel's links and follows their changes. */
class LinuxPlatformIT {
  @TempDir
  Path dir;

  @BeforeAll
  static void privileged() {
    NetworkNamespace.assumePrivileged();
  }

  @Test
  void linksOfTheNamespaceAppearAndFollowTheKernel() throws Exception {
    try (var ns = new NetworkNamespace()) {
      NetworkNamespace.ip("-n", ns.name, "link", "add", "veth-a", "type", "veth", "peer", "name", "veth-b");
      // the namespace shares the host's file system: node files go to a temporary root, not the host's /etc
      var flags = List.of("--platform", "linux", "--files-root", dir.resolve("root").toString());
      try (var node = new SpindledProcess(dir, ns.exec(), flags)) {
        node.awaitReadyLine();
        assertThat(node.log()).contains("platform linux");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ids(node)).containsExactly(
            "lo", "veth-a", "veth-b"));
        var veth = node.spindlectl("get", "link", "veth-a", "-o", "jsonpath={.spec.kind}");
        assertThat(veth.out().strip()).isEqualTo("veth");

        NetworkNamespace.ip("-n", ns.name, "link", "set", "veth-a", "up");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
            node.spindlectl("get", "link", "veth-a", "-o", "jsonpath={.spec.flags}").out()).contains("UP"));

        NetworkNamespace.ip("-n", ns.name, "link", "delete", "veth-a");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ids(node)).containsExactly("lo"));
        node.stop();
      }
    }
  }

  private static List<String> ids(SpindledProcess node) throws Exception {
    var links = node.spindlectl("get", "links");
    assertThat(links.exit()).as(links.err()).isZero();
    return links.out().lines().skip(1).map(l -> l.split("\\s+")[3]).toList();
  }
}

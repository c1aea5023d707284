package dev.spindle.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.spindle.cli.TestTypes.LinkStatus;
import dev.spindle.runtime.resource.Resource;
import dev.spindle.runtime.state.UpdateOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code get --watch} against a live node: the header and the bootstrap as one aligned block with {@code +} rows,
 * then one block per event ({@code +} created, a space for updated, {@code -} destroyed), until Ctrl-C.
 */
class GetWatchTest {
  private static final String HEADER = "NODE        *   NAMESPACE   TYPE         ID     VERSION   ALIAS   TYPE       "
      + "KIND   HW ADDR             OPER STATE   LINK STATE\n";

  @TempDir
  Path dir;

  private TestNode node;
  private String config;

  @BeforeEach
  void start() throws IOException {
    node = TestNode.start(dir.resolve("state"));
    Fixtures.populate(node.state);
    config = node.writeAdminConfig(dir.resolve("config")).toString();
  }

  @AfterEach
  void stop() {
    node.close();
  }

  @Test
  void bootstrapThenCreatedUpdatedDestroyed() throws InterruptedException {
    var watch = new Cli.Running("get", "--spindleconfig", config, "links", "--watch");
    String bootstrap = HEADER + """
        127.0.0.1   +   network     LinkStatus   eth0   2                 ether             52:54:00:12:34:56   up           true
        127.0.0.1   +   network     LinkStatus   eth1   1         wan     ether             52:54:00:12:34:57   down         false
        127.0.0.1   +   network     LinkStatus   lo     1                 loopback          00:00:00:00:00:00   unknown      true
        """;
    await().atMost(Duration.ofSeconds(20)).until(() -> watch.out().equals(bootstrap));

    var owner = UpdateOptions.owner(Fixtures.LINK_OWNER);
    var eth2 = node.state.create(Resource.of(LinkStatus.DEFINITION, "eth2",
        new LinkStatus("", "ether", "", "52:54:00:12:34:58", "down", false)), Fixtures.LINK_OWNER);
    String created = "127.0.0.1   +   network   LinkStatus   eth2   1      ether      52:54:00:12:34:58   down   false\n";
    await().atMost(Duration.ofSeconds(20)).until(() -> watch.out().equals(bootstrap + created));

    node.state.update(eth2.withSpec(new LinkStatus("", "ether", "", "52:54:00:12:34:58", "up", true)), owner);
    String updated = "127.0.0.1       network   LinkStatus   eth2   2      ether      52:54:00:12:34:58   up   true\n";
    await().atMost(Duration.ofSeconds(20)).until(() -> watch.out().equals(bootstrap + created + updated));

    node.state.destroy(eth2.pointer(), Fixtures.LINK_OWNER);
    String destroyed = "127.0.0.1   -   network   LinkStatus   eth2   2      ether      52:54:00:12:34:58   up   true\n";
    await().atMost(Duration.ofSeconds(20))
        .until(() -> watch.out().equals(bootstrap + created + updated + destroyed));

    assertThat(watch.status()).isNull();
    assertThat(watch.stop()).isZero();
    assertThat(watch.err()).isEmpty();
  }

  @Test
  void selectorAppliesToTheWatchAndYamlShowsEvents() throws InterruptedException {
    var watch = new Cli.Running("get", "--spindleconfig", config, "ls", "-w", "-l", "role=uplink", "-o", "yaml");
    await().atMost(Duration.ofSeconds(20)).until(() -> watch.out().contains("id: eth0"));
    assertThat(watch.out()).startsWith("node: 127.0.0.1\nevent: created\nmetadata:\n").doesNotContain("id: lo");

    var eth0 = node.state.get(LinkStatus.DEFINITION.pointer("eth0"));
    node.state.update(eth0.withMetadata(md -> md.withoutLabel("role")), UpdateOptions.owner(Fixtures.LINK_OWNER));
    // Leaving the selection arrives as destroyed.
    await().atMost(Duration.ofSeconds(20)).until(() -> watch.out().contains("---\nnode: 127.0.0.1\nevent: destroyed\n"));

    assertThat(watch.stop()).isZero();
  }

  @Test
  void watchingOneIdPrintsItsCurrentStateAtOnce() throws InterruptedException {
    var watch = new Cli.Running("get", "--spindleconfig", config, "ls", "lo", "-w", "-o", "json");
    await().atMost(Duration.ofSeconds(20)).until(() -> watch.out().endsWith("\n}\n"));
    assertThat(watch.out()).startsWith("{\n    \"event\": \"created\",\n    \"metadata\": {\n");

    var absent = new Cli.Running("get", "--spindleconfig", config, "ls", "eth7", "-w");
    node.state.create(Resource.of(LinkStatus.DEFINITION, "eth7",
        new LinkStatus("", "ether", "", "52:54:00:12:34:59", "up", true)), Fixtures.LINK_OWNER);
    // A watched id is bootstrapped from the start: the header and its first row come out as soon as it exists.
    await().atMost(Duration.ofSeconds(20)).until(() -> absent.out().equals(
        "NODE        *   NAMESPACE   TYPE         ID     VERSION   ALIAS   TYPE    KIND   HW ADDR             "
            + "OPER STATE   LINK STATE\n"
            + "127.0.0.1   +   network     LinkStatus   eth7   1" + " ".repeat(17) + "ether" + " ".repeat(10)
            + "52:54:00:12:34:59   up           true\n"));

    assertThat(watch.stop()).isZero();
    assertThat(absent.stop()).isZero();
  }
}

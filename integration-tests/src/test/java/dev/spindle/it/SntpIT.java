package dev.spindle.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.controllers.time.TimeSyncController;
import dev.spindle.controllers.time.TimeSyncTimings;
import dev.spindle.platform.time.CommonsNetSntp;
import dev.spindle.resources.network.TimeServerStatus;
import dev.spindle.resources.time.TimeStatus;
import dev.spindle.runtime.testing.ControllerHarness;
import dev.spindle.runtime.testing.Prerequisites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real SNTP server (Debian's chronyd serving its local clock at stratum 8 on a loopback port, never touching the
 * clock) drives TimeStatus to synced through the real UDP client; a dead server listed before it is skipped.
 */
class SntpIT {
  private static final TimeSyncTimings TIMINGS = new TimeSyncTimings(Duration.ofMillis(500), Duration.ofSeconds(1),
      Duration.ofSeconds(4), Duration.ofMillis(200), Duration.ofSeconds(1));

  @TempDir
  static Path dir;
  static int port;
  static LocalDaemon chronyd;

  @RegisterExtension
  final ControllerHarness h = ControllerHarness.with(
      new TimeSyncController(new CommonsNetSntp(), Optional.empty(), TIMINGS)).timeout(Duration.ofSeconds(30));

  @BeforeAll
  static void start() throws Exception {
    port = LocalDaemon.freeUdpPort();
    chronyd = chronyd(dir.resolve("first"), port);
  }

  /** chronyd serving its local clock on 127.0.0.1:port, its files in {@code where}. */
  static LocalDaemon chronyd(Path where, int port) throws Exception {
    Path binary = Prerequisites.requireBinary("chronyd", "chrony");
    Files.createDirectories(where);
    Path config = where.resolve("chrony.conf");
    Files.writeString(config, String.join("\n",
        "port " + port,
        "bindaddress 127.0.0.1",
        "allow 127.0.0.1",
        "local stratum 8",
        "cmdport 0",
        "pidfile " + where.resolve("chronyd.pid"),
        "dumpdir " + where,
        "logdir " + where,
        "ntsdumpdir " + where,
        ""));
    List<String> command = new ArrayList<>(List.of(binary.toString(), "-d", "-x", "-f", config.toString()));
    // -x: never touch the clock. As root, stay root (no drop to _chrony, which cannot write the temp dir);
    // otherwise -U lets chronyd run unprivileged.
    command.addAll(LocalDaemon.root() ? List.of("-u", "root") : List.of("-U"));
    return new LocalDaemon(command, where.resolve("chronyd.log"));
  }

  @AfterAll
  static void stop() throws Exception {
    if (chronyd != null) {
      chronyd.close();
    }
  }

  @Test
  void chronyOnLoopbackDrivesTimeStatusToSynced() throws Exception {
    int dead = LocalDaemon.freeUdpPort();
    String server = "127.0.0.1:" + port;
    h.create(TimeServerStatus.DEFINITION, TimeServerStatus.ID,
        new TimeServerStatus(List.of("127.0.0.1:" + dead, server), false));

    var status = h.awaitSpec(TimeStatus.DEFINITION, TimeStatus.ID, s -> assertThat(s.synced()).isTrue());
    chronyd.alive();
    assertThat(status.server()).isEqualTo(server);
    assertThat(status.stratum()).isEqualTo(8); // chronyd serves its local reference at "local stratum 8"
    assertThat(status.offset().abs()).isLessThan(Duration.ofMillis(50)); // the same clock on both ends
    assertThat(status.epoch()).isZero();
    assertThat(status.syncDisabled()).isFalse();
  }

  @Test
  void aServerThatComesUpLaterIsFoundByTheRetries() throws Exception {
    int late = LocalDaemon.freeUdpPort();
    h.create(TimeServerStatus.DEFINITION, TimeServerStatus.ID,
        new TimeServerStatus(List.of("127.0.0.1:" + late), false));
    h.awaitSpec(TimeStatus.DEFINITION, TimeStatus.ID, s -> assertThat(s).isEqualTo(TimeStatus.of(false, 0, false)));
    try (LocalDaemon second = chronyd(dir.resolve("late"), late)) {
      var status = h.awaitSpec(TimeStatus.DEFINITION, TimeStatus.ID, s -> assertThat(s.synced()).isTrue());
      second.alive();
      assertThat(status.server()).isEqualTo("127.0.0.1:" + late);
    }
  }
}

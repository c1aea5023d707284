package dev.spindle.platform.wireguard.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.platform.network.Errno;
import dev.spindle.platform.network.FakeRtnetlink;
import dev.spindle.platform.network.SimulatedNode;
import dev.spindle.platform.network.linux.LinuxRtnetlink;
import dev.spindle.platform.wireguard.UnavailableWireGuard;
import dev.spindle.platform.wireguard.UserspaceWireGuard;
import dev.spindle.platform.wireguard.WireGuard;
import dev.spindle.platform.wireguard.WireguardException;
import dev.spindle.runtime.testing.Prerequisites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a Linux node's WireGuard is chosen: kernel, then wireguard-go, then unavailable with the reasons. */
class LinuxWireGuardTest {
  private final FakeRtnetlink rtnl = new FakeRtnetlink(List.of(SimulatedNode.loopback()));
  private static final String NO_MODULE =
      "resolving the generic netlink family wireguard: the wireguard kernel module is not loaded";

  private static LinuxWireGuard.KernelOpener missing(Errno errno) {
    return () -> {
      throw new WireguardException(errno, NO_MODULE);
    };
  }

  @Test
  void theKernelsWireGuardWinsWhenItsModuleAnswers() throws Exception {
    var family = new WireguardFamilyModel(rtnl, true);
    KernelWireGuard kernel = KernelWireGuard.create(() -> family, rtnl, 8192);
    try (WireGuard chosen = LinuxWireGuard.choose(() -> kernel, Optional.of(Path.of("/usr/bin/wireguard-go")), rtnl)) {
      assertThat(chosen).isSameAs(kernel);
    }
  }

  @Test
  void withoutTheModuleWireguardGoServes() {
    try (WireGuard chosen = LinuxWireGuard.choose(missing(Errno.ENOENT), Optional.of(Path.of("/opt/wireguard-go")),
        rtnl)) {
      assertThat(chosen).isInstanceOf(UserspaceWireGuard.class);
      assertThat(chosen.linkKind()).isEqualTo("tun");
    }
  }

  @Test
  void withNeitherItIsUnavailableSayingBoth() throws Exception {
    try (WireGuard chosen = LinuxWireGuard.choose(missing(Errno.ENOENT), Optional.empty(), rtnl)) {
      assertThat(chosen).isInstanceOf(UnavailableWireGuard.class);
      assertThat(chosen.devices()).isEmpty();
      assertThatThrownBy(() -> chosen.createDevice("wg0")).isInstanceOf(WireguardException.class)
          .hasMessageContaining("the wireguard kernel module is not loaded")
          .hasMessageContaining("no wireguard-go in");
    }
  }

  @Test
  void anotherKernelFailureIsTheReasonEvenWithWireguardGo() {
    try (WireGuard chosen = LinuxWireGuard.choose(missing(Errno.EPERM), Optional.of(Path.of("/usr/bin/wireguard-go")),
        rtnl)) {
      assertThat(chosen).isInstanceOf(UnavailableWireGuard.class);
    }
  }

  @Test
  void wireguardGoIsTheFirstExecutableOnTheSearchPath(@TempDir Path dir) throws Exception {
    Path first = Files.createDirectories(dir.resolve("a"));
    Path second = Files.createDirectories(dir.resolve("b"));
    Files.createFile(first.resolve("wireguard-go"), PosixFilePermissions.asFileAttribute(
        PosixFilePermissions.fromString("rw-r--r--")));
    Path executable = Files.createFile(second.resolve("wireguard-go"), PosixFilePermissions.asFileAttribute(
        PosixFilePermissions.fromString("rwxr-xr-x")));
    assertThat(LinuxWireGuard.find(List.of(dir.resolve("none"), first, second))).contains(executable);
    assertThat(LinuxWireGuard.find(List.of(first))).isEmpty();
  }

  @Test
  void thisNodeHasAWireGuard() throws Exception {
    Prerequisites.requireBinary("wireguard-go", "wireguard-go");
    try (var linux = LinuxRtnetlink.open(); WireGuard chosen = LinuxWireGuard.open(linux)) {
      assertThat(chosen).isNotInstanceOf(UnavailableWireGuard.class);
    }
  }
}

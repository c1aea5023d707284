package dev.spindle.platform.wireguard.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.platform.network.Errno;
import dev.spindle.platform.network.LinkRequest;
import dev.spindle.platform.network.NetlinkException;
import dev.spindle.platform.network.WireguardInfo;
import dev.spindle.platform.wireguard.WireGuard;
import dev.spindle.platform.wireguard.WireguardException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link KernelWireGuard} against the real kernel, in a fresh network namespace per test. Skipped without root
 * (failed instead when {@code SPINDLE_REQUIRE_PRIVILEGED=1}). A kernel without the {@code wireguard} module (this
 * CI's: it cannot be installed there) runs only the case that checks how its absence is reported; every other case
 * aborts naming the reason. Devices stay down and endpoints are loopback addresses of the namespace, so nothing is
 * ever sent. The cases themselves are {@link KernelWireGuardChecks}.
 */
class KernelWireGuardTest extends KernelWireGuardChecks {
  private KernelWireGuardNamespace kernel;

  @BeforeEach
  void open() throws Exception {
    kernel = new KernelWireGuardNamespace();
  }

  @AfterEach
  void close() throws Exception {
    if (kernel != null) {
      kernel.close();
    }
  }

  @Override
  protected WireGuard wg() {
    return kernel.wireGuard();
  }

  @Test
  void withoutTheModuleOpeningSaysSoAndTheLinkKindIsMissingToo() {
    WireguardException absent = kernel.absent();
    Assumptions.assumeTrue(absent != null, "the wireguard module is loaded");
    assertThat(absent.errno()).isEqualTo(Errno.ENOENT);
    assertThat(absent).hasMessage(
        "resolving the generic netlink family wireguard: the wireguard kernel module is not loaded: ENOENT");
    assertThatThrownBy(() -> kernel.rtnl.createLink(LinkRequest.of("swg0", new WireguardInfo())))
        .isInstanceOfSatisfying(NetlinkException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EOPNOTSUPP));
  }
}

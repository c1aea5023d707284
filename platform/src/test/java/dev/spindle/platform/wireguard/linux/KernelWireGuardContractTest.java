package dev.spindle.platform.wireguard.linux;

import dev.spindle.platform.network.Errno;
import dev.spindle.platform.network.linux.LinuxRtnetlink;
import dev.spindle.platform.network.linux.TestNamespace;
import dev.spindle.platform.wireguard.WireGuard;
import dev.spindle.platform.wireguard.WireGuardContract;
import dev.spindle.platform.wireguard.WireguardException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;

/**
 * The shared {@link WireGuardContract} on {@link KernelWireGuard} and the real kernel, in a fresh network namespace
 * per case. Where the {@code wireguard} module is missing (this CI's kernel) every case aborts naming it, as in
 * {@link KernelWireGuardTest}, which checks how that absence is reported; without root they skip (fail under
 * {@code SPINDLE_REQUIRE_PRIVILEGED=1}).
 */
class KernelWireGuardContractTest extends WireGuardContract {
  private TestNamespace ns;
  private LinuxRtnetlink rtnl;
  private KernelWireGuard wg;
  private WireguardException absent;

  @BeforeEach
  void open() throws Exception {
    ns = TestNamespace.create();
    rtnl = LinuxRtnetlink.inNamespace(ns.path());
    try {
      wg = KernelWireGuard.inNamespace(ns.path(), rtnl);
    } catch (WireguardException e) {
      if (e.errno() != Errno.ENOENT && e.errno() != Errno.EOPNOTSUPP) {
        throw e;
      }
      absent = e;
    }
  }

  @AfterEach
  void close() throws Exception {
    try {
      if (wg != null) {
        wg.close();
      }
      if (rtnl != null) {
        rtnl.close();
      }
    } finally {
      if (ns != null) {
        ns.close();
      }
    }
  }

  @Override
  protected WireGuard wireGuard() {
    if (absent != null) {
      Assumptions.abort("no wireguard kernel module: " + absent.getMessage());
    }
    return wg;
  }

  /** The kernel binds a device's port only while its link is up. */
  @Override
  protected void up(String device) throws Exception {
    ns.ip("link", "set", device, "up");
  }
}

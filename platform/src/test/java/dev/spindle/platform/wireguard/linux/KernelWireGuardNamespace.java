package dev.spindle.platform.wireguard.linux;

import dev.spindle.platform.network.Errno;
import dev.spindle.platform.network.linux.LinuxRtnetlink;
import dev.spindle.platform.network.linux.TestNamespace;
import dev.spindle.platform.wireguard.WireguardException;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh network namespace with rtnetlink and {@link KernelWireGuard} opened in it, for the tests that run the kernel
 * adapter for real. On a kernel without the {@code wireguard} module the adapter is absent and {@link #wireGuard()}
 * aborts the case naming why; {@link #absent()} is how the absence was reported.
 */
final class KernelWireGuardNamespace implements AutoCloseable {
  final TestNamespace ns;
  final LinuxRtnetlink rtnl;
  private final KernelWireGuard wg;
  private final WireguardException absent;

  KernelWireGuardNamespace() throws Exception {
    ns = TestNamespace.create();
    KernelWireGuard opened = null;
    WireguardException missing = null;
    try {
      rtnl = LinuxRtnetlink.inNamespace(ns.path());
      try {
        opened = KernelWireGuard.inNamespace(ns.path(), rtnl);
      } catch (WireguardException e) {
        if (e.errno() != Errno.ENOENT && e.errno() != Errno.EOPNOTSUPP) {
          rtnl.close();
          throw e;
        }
        missing = e;
      }
    } catch (Exception e) {
      ns.close();
      throw e;
    }
    wg = opened;
    absent = missing;
  }

  /** The kernel's adapter; without the module, the case aborts naming why. */
  KernelWireGuard wireGuard() {
    if (absent != null) {
      Assumptions.abort("no wireguard kernel module: " + absent.getMessage());
    }
    return wg;
  }

  /** How opening reported the missing module, or {@code null} where it is loaded. */
  WireguardException absent() {
    return absent;
  }

  @Override
  public void close() throws Exception {
    try {
      if (wg != null) {
        wg.close();
      }
      rtnl.close();
    } finally {
      ns.close();
    }
  }
}

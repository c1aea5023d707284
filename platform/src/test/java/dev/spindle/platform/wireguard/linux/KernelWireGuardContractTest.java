package dev.spindle.platform.wireguard.linux;

import dev.spindle.platform.wireguard.WireGuard;
import dev.spindle.platform.wireguard.WireGuardContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The shared {@link WireGuardContract} on {@link KernelWireGuard} and the real kernel, in a fresh network namespace
 * per case. Where the {@code wireguard} module is missing (this CI's kernel) every case aborts naming it, as in
 * {@link KernelWireGuardTest}, which checks how that absence is reported; without root they skip (fail under
 * {@code SPINDLE_REQUIRE_PRIVILEGED=1}).
 */
class KernelWireGuardContractTest extends WireGuardContract {
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
  protected WireGuard wireGuard() {
    return kernel.wireGuard();
  }

  /** The kernel binds a device's port only while its link is up. */
  @Override
  protected void up(String device) throws Exception {
    kernel.ns.ip("link", "set", device, "up");
  }
}

package dev.spindle.platform.wireguard.linux;

import dev.spindle.platform.network.FakeRtnetlink;
import dev.spindle.platform.network.LinkChange;
import dev.spindle.platform.network.SimulatedNode;
import dev.spindle.platform.wireguard.WireGuard;
import dev.spindle.platform.wireguard.WireGuardContract;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The shared {@link WireGuardContract} on {@link KernelWireGuard} over {@link WireguardFamilyModel} (the byte-level
 * model of the kernel family, over a {@link FakeRtnetlink}), with the smallest messages so large changes split: the
 * kernel adapter answers as the userspace adapter and the fake do, on a CI without the module.
 */
class KernelWireGuardModelContractTest extends WireGuardContract {
  private final FakeRtnetlink rtnl = new FakeRtnetlink(List.of(SimulatedNode.loopback()));
  private KernelWireGuard wg;

  @BeforeEach
  void open() throws Exception {
    WireguardFamilyModel family = new WireguardFamilyModel(rtnl, true);
    wg = KernelWireGuard.create(() -> family, rtnl, 512);
  }

  @AfterEach
  void close() {
    wg.close();
    rtnl.close();
  }

  @Override
  protected WireGuard wireGuard() {
    return wg;
  }

  /** The kernel binds a device's port only while its link is up. */
  @Override
  protected void up(String device) throws Exception {
    rtnl.setLink(rtnl.link(device).index(), LinkChange.up(true));
  }
}

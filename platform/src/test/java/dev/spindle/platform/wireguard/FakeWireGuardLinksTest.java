package dev.spindle.platform.wireguard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.platform.network.Arphrd;
import dev.spindle.platform.network.Errno;
import dev.spindle.platform.network.FakeRtnetlink;
import dev.spindle.platform.network.LinkMessage;
import dev.spindle.platform.network.LinkRequest;
import dev.spindle.platform.network.SimulatedNode;
import dev.spindle.platform.network.VethInfo;
import dev.spindle.platform.network.WireguardInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract on a fake whose devices are the wireguard links of a {@link FakeRtnetlink}, and how they track it. */
class FakeWireGuardLinksTest extends WireGuardContract {
  private final FakeRtnetlink rtnl = new FakeRtnetlink(List.of(SimulatedNode.loopback()));
  private final FakeWireGuard fake = new FakeWireGuard(rtnl);

  @Override
  protected WireGuard wireGuard() {
    return fake;
  }

  @Test
  void aCreatedDeviceIsAWireguardLinkAsTheKernelMakesIt() throws Exception {
    fake.createDevice("wg0");
    LinkMessage link = rtnl.link("wg0");
    assertThat(link.kind()).isEqualTo("wireguard").isEqualTo(fake.linkKind());
    assertThat(link.type()).isEqualTo(Arphrd.NONE).isEqualTo(65534);
    assertThat(link.mtu()).isEqualTo(1420);
    fake.deleteDevice("wg0");
    assertThat(rtnl.links()).extracting(LinkMessage::name).doesNotContain("wg0");
  }

  @Test
  void aWireguardLinkMadeThroughRtnetlinkIsADevice() throws Exception {
    rtnl.createLink(LinkRequest.of("wg7", new WireguardInfo()));
    assertThat(fake.devices()).containsExactly("wg7");
    fake.configure("wg7", new WireguardConfig(newPrivateKey(), 51820, null, false, List.of()));
    assertThat(fake.device("wg7").listenPort()).isEqualTo(51820);
  }

  @Test
  void aDeviceKeepsItsStateThroughARenameAndLosesItWithItsLink() throws Exception {
    fake.createDevice("wg0");
    WireguardKey key = newPrivateKey();
    fake.configure("wg0", new WireguardConfig(key, 51820, null, false, List.of(adding(newPublicKey(), "10.0.0.0/8"))));
    rtnl.rename("wg0", "wg9");
    assertThat(fake.device("wg9").privateKey()).isEqualTo(key);
    assertErrno(() -> fake.device("wg0"), Errno.ENODEV);
    rtnl.delete("wg9");
    assertThat(fake.devices()).isEmpty();
    rtnl.createLink(LinkRequest.of("wg9", new WireguardInfo()));
    assertThat(fake.device("wg9").privateKey()).as("a new link is a new device").isEqualTo(WireguardKey.ZERO);
  }

  @Test
  void anotherKindOfLinkIsNoDeviceAndItsNameIsTaken() throws Exception {
    rtnl.createLink(LinkRequest.of("v0", new VethInfo("v1")));
    assertErrno(() -> fake.device("v0"), Errno.ENODEV);
    assertErrno(() -> fake.deleteDevice("v0"), Errno.ENODEV);
    assertErrno(() -> fake.createDevice("v1"), Errno.EEXIST);
    assertThat(fake.devices()).isEmpty();
  }
}

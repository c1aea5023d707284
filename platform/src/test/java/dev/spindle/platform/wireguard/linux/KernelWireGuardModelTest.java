package dev.spindle.platform.wireguard.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.platform.network.Errno;
import dev.spindle.platform.network.FakeRtnetlink;
import dev.spindle.platform.network.LinkChange;
import dev.spindle.platform.network.SimulatedNode;
import dev.spindle.platform.wireguard.WireGuard;
import dev.spindle.platform.wireguard.WireguardConfig;
import dev.spindle.platform.wireguard.WireguardException;
import dev.spindle.platform.wireguard.WireguardKey;
import dev.spindle.platform.wireguard.WireguardPeer;
import dev.spindle.platform.wireguard.WireguardPeerConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link KernelWireGuard} with everything but the socket: its codecs, splitting, dump coalescing, retries and errno
 * mapping against {@link WireguardFamilyModel}, a byte-level model of the kernel family, over a {@link FakeRtnetlink}.
 * Runs everywhere, so the adapter's logic is exercised where the module is missing (this CI).
 */
class KernelWireGuardModelTest extends KernelWireGuardChecks {
  private final FakeRtnetlink rtnl = new FakeRtnetlink(List.of(SimulatedNode.loopback()));
  private WireguardFamilyModel family;
  private KernelWireGuard wg;

  @BeforeEach
  void open() throws Exception {
    family = new WireguardFamilyModel(rtnl, true);
    wg = KernelWireGuard.create(() -> family, rtnl, 512); // the smallest messages: splitting in every large case
  }

  @AfterEach
  void close() {
    wg.close();
    rtnl.close();
  }

  @Override
  protected WireGuard wg() {
    return wg;
  }

  @Test
  void aKernelWithoutTheFamilyIsReportedAsAMissingModule() {
    var unloaded = new WireguardFamilyModel(rtnl, false);
    assertThatThrownBy(() -> KernelWireGuard.create(() -> unloaded, rtnl, 8192))
        .isInstanceOfSatisfying(WireguardException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENOENT))
        .hasMessage("resolving the generic netlink family wireguard: the wireguard kernel module is not loaded: ENOENT");
  }

  @Test
  void theFamilyIdIsTheOneTheKernelAssigned() {
    assertThat(wg.familyId()).isEqualTo(WireguardFamilyModel.FAMILY);
  }

  @Test
  void aDumpInterruptedByAChangeIsTakenAgain() throws Exception {
    wg.createDevice("swg0");
    WireguardKey peer = WireguardKey.generatePrivate().publicKey();
    wg.configure("swg0", WireguardConfig.ofPeers(List.of(
        WireguardPeerConfig.replacing(peer, null, null, Duration.ZERO, ips("10.0.0.0/8")))));
    family.interruptDumps(4);
    assertThat(wg.device("swg0").peers()).extracting(WireguardPeer::publicKey).containsExactly(peer);
    assertThat(family.interruptedDumpsLeft()).isZero(); // four taken again, the fifth whole

    family.interruptDumps(10);
    assertThat(wg.device("swg0").peers()).extracting(WireguardPeer::publicKey).containsExactly(peer);
    assertThat(family.interruptedDumpsLeft()).isEqualTo(5); // five attempts, then the last answer stands
  }

  @Test
  void aLargeConfigurationIsSentInSeveralMessagesAndARefusalNamesWhichOne() throws Exception {
    wg.createDevice("swg0");
    List<WireguardPeerConfig> peers = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      peers.add(WireguardPeerConfig.replacing(WireguardKey.generatePrivate().publicKey(), null, null,
          Duration.ofSeconds(5), ips("10.6.0." + i + "/32")));
    }
    var config = new WireguardConfig(WireguardKey.generatePrivate(), 51820, null, true, peers);
    wg.configure("swg0", config);
    int messages = family.setRequests();
    assertThat(messages).isGreaterThan(3); // 40 peers of ~110 bytes in 512-byte messages
    assertThat(wg.device("swg0").peers()).hasSize(40);

    family.failAfter(1, Errno.EPERM);
    assertThatThrownBy(() -> wg.configure("swg0", config))
        .isInstanceOfSatisfying(WireguardException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EPERM))
        .hasMessage("configuring wireguard device swg0 (message 2 of " + messages + "): EPERM");
  }

  @Test
  void aContinuedUpdateOnlyPeerTheDeviceLacksIsNotCreatedByItsContinuation() throws Exception {
    wg.createDevice("swg0");
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      many.add("10.7." + i + ".0/24");
    }
    var absent = new WireguardPeerConfig(WireguardKey.generatePrivate().publicKey(), false, true, null, null, null,
        true, ips(many.toArray(String[]::new)));
    wg.configure("swg0", WireguardConfig.ofPeers(List.of(absent)));
    assertThat(family.setRequests()).isGreaterThan(1);
    assertThat(wg.device("swg0").peers()).isEmpty();
  }

  @Test
  void aTakenPortRefusesTheWholeChange() throws Exception {
    wg.createDevice("swg0");
    wg.createDevice("swg1");
    for (String name : List.of("swg0", "swg1")) {
      rtnl.setLink(rtnl.link(name).index(), LinkChange.up(true)); // the kernel binds a port only when up
    }
    wg.configure("swg0", new WireguardConfig(null, 51830, null, false, List.of()));
    wg.configure("swg1", new WireguardConfig(WireguardKey.generatePrivate(), 51831, 1, false, List.of(
        WireguardPeerConfig.replacing(WireguardKey.generatePrivate().publicKey(), null, null, Duration.ZERO,
            ips("10.0.1.0/24")))));
    var before = wg.device("swg1");

    assertErrno(() -> wg.configure("swg1", new WireguardConfig(WireguardKey.generatePrivate(), 51830, 2, true,
        List.of(WireguardPeerConfig.replacing(WireguardKey.generatePrivate().publicKey(), null, null, Duration.ZERO,
            ips("10.0.2.0/24"))))), Errno.EADDRINUSE);
    assertThat(wg.device("swg1")).isEqualTo(before); // the port went alone and first: the mark never changed
  }

  @Test
  void theDevicesOwnKeyIsNeverAPeer() throws Exception {
    wg.createDevice("swg0");
    WireguardKey privateKey = WireguardKey.generatePrivate();
    wg.configure("swg0", new WireguardConfig(privateKey, null, null, false, List.of(
        WireguardPeerConfig.replacing(privateKey.publicKey(), null, null, Duration.ZERO, ips("10.8.0.0/16")))));
    assertThat(wg.device("swg0").peers()).isEmpty();
  }

  @Test
  void badNamesAreEinvalBeforeAnythingIsSent() {
    assertErrno(() -> wg.device("a-name-of-16-byt"), Errno.EINVAL);
    assertErrno(() -> wg.configure("", WireguardConfig.ofPeers(List.of())), Errno.EINVAL);
    assertErrno(() -> wg.createDevice("a-name-of-16-byt"), Errno.EINVAL);
    assertThat(family.setRequests()).isZero();
  }

  @Test
  void aClosedAdapterRefusesRequests() {
    wg.close();
    assertErrno(() -> wg.device("swg0"), Errno.EIO);
  }
}

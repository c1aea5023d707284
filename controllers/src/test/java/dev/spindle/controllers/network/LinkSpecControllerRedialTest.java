package dev.spindle.controllers.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.spindle.platform.network.FakeRtnetlink;
import dev.spindle.platform.wireguard.FakeWireGuard;
import dev.spindle.platform.wireguard.WireGuard;
import dev.spindle.platform.wireguard.WireguardConfig;
import dev.spindle.platform.wireguard.WireguardDevice;
import dev.spindle.platform.wireguard.WireguardException;
import dev.spindle.platform.wireguard.WireguardKey;
import dev.spindle.platform.wireguard.WireguardPeerConfig;
import dev.spindle.resources.ConfigLayer;
import dev.spindle.resources.network.IpPrefix;
import dev.spindle.resources.network.LinkSpec;
import dev.spindle.resources.network.LinkType;
import dev.spindle.resources.network.WireguardPeer;
import dev.spindle.resources.network.WireguardSpec;
import dev.spindle.runtime.testing.ControllerHarness;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The link spec controller's first-contact redials on {@link FakeWireGuard}, on a clock the test moves: a dialled peer
 * that does not answer is removed and added again, at most {@link WireguardRedial#ATTEMPTS} times; once it has
 * answered it is left alone, and a peer Spindle does not dial (no endpoint) is never touched.
 */
class LinkSpecControllerRedialTest {
  private static final Random KEYS = new Random(11);
  private final FakeRtnetlink kernel = FakeRtnetlink.simulatedNode();
  private final FakeWireGuard fake = new FakeWireGuard(kernel);
  private final Recording wireguard = new Recording(fake);
  private final WireguardKey dialled = WireguardKey.generatePrivate(KEYS).publicKey();
  private final WireguardKey dialling = WireguardKey.generatePrivate(KEYS).publicKey();

  /** The controller's clock: only the test moves it, so a redial falls due exactly when the test says. */
  private final AtomicLong clock = new AtomicLong();

  @RegisterExtension
  final ControllerHarness h = ControllerHarness.with(new LinkSpecController(kernel, wireguard, WireguardPlan::resolve,
      new WireguardRedial(), clock::get));

  /** Remembers every change, so the test can count the redials. */
  private record Recording(FakeWireGuard fake, List<WireguardConfig> changes) implements WireGuard {
    Recording(FakeWireGuard fake) {
      this(fake, new CopyOnWriteArrayList<>());
    }

    @Override
    public List<String> devices() throws WireguardException {
      return fake.devices();
    }

    @Override
    public WireguardDevice device(String name) throws WireguardException {
      return fake.device(name);
    }

    @Override
    public void configure(String name, WireguardConfig config) throws WireguardException {
      fake.configure(name, config);
      changes.add(config);
    }

    @Override
    public void createDevice(String name) throws WireguardException {
      fake.createDevice(name);
    }

    @Override
    public void deleteDevice(String name) throws WireguardException {
      fake.deleteDevice(name);
    }

    @Override
    public void close() {}

    long redials(WireguardKey peer) {
      return changes.stream().filter(c -> c.peers().contains(WireguardPeerConfig.removal(peer))).count();
    }
  }

  private LinkSpec wg0() {
    var spec = new WireguardSpec(WireguardKey.generatePrivate(KEYS).base64(), "", 0, 0, List.of(
        new WireguardPeer(dialled.base64(), "", "10.5.0.2:51111", Duration.ofSeconds(5),
            List.of(IpPrefix.parse("10.1.0.2/32"))),
        new WireguardPeer(dialling.base64(), "", "", Duration.ofSeconds(5), List.of(IpPrefix.parse("10.1.0.4/32")))));
    return LinkSpec.builder("wg0", ConfigLayer.CONFIGURATION).logical(true).up(true).kind("wireguard")
        .type(LinkType.NONE).wireguard(spec).build();
  }

  @Test
  void aDialledPeerThatNeverAnswersIsAddedAgainEachIntervalAtMostFourTimes() {
    h.create(LinkSpec.DEFINITION, "wg0", wg0());
    await().atMost(Duration.ofSeconds(10)).until(() -> fake.devices().contains("wg0") && wireguard.changes.size() >= 1);
    for (int attempt = 1; attempt <= WireguardRedial.ATTEMPTS + 2; attempt++) {
      clock.addAndGet(1_000_000_000L);
      long expected = Math.min(attempt, WireguardRedial.ATTEMPTS);
      await().atMost(Duration.ofSeconds(10)).until(() -> wireguard.redials(dialled) == expected);
    }
    await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
        .until(() -> wireguard.redials(dialled) == WireguardRedial.ATTEMPTS);
    assertThat(wireguard.redials(dialling)).as("a peer without an endpoint is not ours to dial").isZero();
  }

  @Test
  void aPeerThatAnsweredIsLeftWithItsSessionAndCounters() throws Exception {
    h.create(LinkSpec.DEFINITION, "wg0", wg0());
    await().atMost(Duration.ofSeconds(10)).until(() -> fake.device("wg0").peers().size() == 2);
    fake.simulateTraffic("wg0", dialled, 148, 92); // before the test's clock lets any redial fall due
    var answered = peer(dialled);
    clock.addAndGet(10_000_000_000L);
    await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> wireguard.redials(dialled) == 0);
    assertThat(peer(dialled)).as("handshake and counters survive").isEqualTo(answered);
  }

  private dev.spindle.platform.wireguard.WireguardPeer peer(WireguardKey key) throws WireguardException {
    return fake.device("wg0").peers().stream().filter(p -> p.publicKey().equals(key)).findFirst().orElseThrow();
  }
}

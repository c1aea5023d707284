package dev.spindle.platform.wireguard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.platform.network.Errno;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * What every {@link WireGuard} must do: run on {@link FakeWireGuard} (alone and over a {@code FakeRtnetlink}) and on
 * {@link UserspaceWireGuard} with wireguard-go in a fresh network namespace; the kernel adapter runs it where the
 * module exists. Device names are unique per test and JVM ({@link #newName()}), since wireguard-go's socket directory
 * is shared by every namespace. Peer order is the implementation's; the cases compare peers by public key.
 */
public abstract class WireGuardContract {
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static final Random KEYS = new Random(7);

  /** The implementation under test, fresh for each test. */
  protected abstract WireGuard wireGuard();

  /**
   * Brings a device's link up, for implementations that bind their port only then (the kernel); wireguard-go and
   * the fake bind at once.
   */
  protected void up(String device) throws Exception {}

  /** A device name no other test of this JVM uses, at most 15 bytes. */
  protected static String newName() {
    return "wgc" + COUNTER.incrementAndGet() + "x" + ProcessHandle.current().pid();
  }

  protected static WireguardKey newPrivateKey() {
    synchronized (KEYS) {
      return WireguardKey.generatePrivate(KEYS);
    }
  }

  protected static WireguardKey newPublicKey() {
    return newPrivateKey().publicKey();
  }

  protected static InetSocketAddress endpoint(String address, int port) {
    return new InetSocketAddress(InetAddress.ofLiteral(address), port);
  }

  protected static List<AllowedIp> ips(String... cidrs) {
    return java.util.Arrays.stream(cidrs).map(AllowedIp::parse).toList();
  }

  protected static WireguardPeer peer(WireguardDevice device, WireguardKey publicKey) {
    return device.peers().stream().filter(p -> p.publicKey().equals(publicKey)).findFirst()
        .orElseThrow(() -> new AssertionError("no peer " + publicKey.base64() + " on " + device.name()));
  }

  protected static WireguardPeerConfig adding(WireguardKey publicKey, String... cidrs) {
    return WireguardPeerConfig.replacing(publicKey, null, null, Duration.ZERO, ips(cidrs));
  }

  private String created() throws Exception {
    String name = newName();
    wireGuard().createDevice(name);
    return name;
  }

  @Test
  void aNewDeviceIsListedWithoutKeyOrPeers() throws Exception {
    String name = created();
    assertThat(wireGuard().devices()).contains(name);
    WireguardDevice device = wireGuard().device(name);
    assertThat(device.name()).isEqualTo(name);
    assertThat(device.privateKey()).isEqualTo(WireguardKey.ZERO);
    assertThat(device.publicKey()).isEqualTo(WireguardKey.ZERO);
    assertThat(device.firewallMark()).isZero();
    assertThat(device.peers()).isEmpty();
  }

  @Test
  void creatingATakenNameIsEEXIST() throws Exception {
    String name = created();
    assertErrno(() -> wireGuard().createDevice(name), Errno.EEXIST);
    assertThat(wireGuard().devices()).containsOnlyOnce(name);
  }

  @Test
  void aNameNoLinkCanHaveIsEINVALAndCreatesNothing() throws Exception {
    List<String> before = wireGuard().devices();
    for (String bad : List.of("", "wg/0", "wg 0", "wg:0", "..", "sixteen-bytes-xx")) {
      assertErrno(() -> wireGuard().createDevice(bad), Errno.EINVAL);
    }
    assertThat(wireGuard().devices()).isEqualTo(before);
  }

  @Test
  void keyPortAndMarkChangeInPlace() throws Exception {
    String name = created();
    WireguardKey key = newPrivateKey();
    wireGuard().configure(name, new WireguardConfig(key, 51820, 0x1234, false, List.of()));
    WireguardDevice device = wireGuard().device(name);
    assertThat(device.privateKey()).isEqualTo(key);
    assertThat(device.publicKey()).isEqualTo(key.publicKey());
    assertThat(device.listenPort()).isEqualTo(51820);
    assertThat(device.firewallMark()).isEqualTo(0x1234);

    wireGuard().configure(name, new WireguardConfig(null, null, 0xfffffffe, false, List.of()));
    assertThat(wireGuard().device(name).firewallMark()).as("a mark is 32 bits unsigned").isEqualTo(0xfffffffe);

    wireGuard().configure(name, new WireguardConfig(WireguardKey.ZERO, null, 0, false, List.of()));
    device = wireGuard().device(name);
    assertThat(device.privateKey()).isEqualTo(WireguardKey.ZERO);
    assertThat(device.publicKey()).isEqualTo(WireguardKey.ZERO);
    assertThat(device.firewallMark()).isZero();
    assertThat(device.listenPort()).as("left as it was").isEqualTo(51820);
  }

  @Test
  void peersKeepEverySettingTheyAreGiven() throws Exception {
    String name = created();
    WireguardKey a = newPublicKey();
    WireguardKey b = newPublicKey();
    WireguardKey psk = WireguardKey.generatePreshared();
    wireGuard().configure(name, new WireguardConfig(newPrivateKey(), 51821, null, false, List.of(
        WireguardPeerConfig.replacing(a, psk, endpoint("192.0.2.1", 51820), Duration.ofSeconds(25),
            ips("10.1.0.1/24", "fd00:1::5/64")),
        WireguardPeerConfig.replacing(b, null, endpoint("2001:db8::2", 51822), Duration.ZERO, ips("10.2.0.2/32")))));
    WireguardDevice device = wireGuard().device(name);
    assertThat(device.peers()).hasSize(2);
    WireguardPeer first = peer(device, a);
    assertThat(first.presharedKey()).isEqualTo(psk);
    assertThat(first.endpoint()).isEqualTo(endpoint("192.0.2.1", 51820));
    assertThat(first.persistentKeepalive()).isEqualTo(Duration.ofSeconds(25));
    assertThat(first.allowedIps()).as("host bits cleared").containsExactlyInAnyOrderElementsOf(
        ips("10.1.0.0/24", "fd00:1::/64"));
    assertThat(first.lastHandshake()).isNull();
    assertThat(first.rxBytes()).isZero();
    assertThat(first.txBytes()).isZero();
    assertThat(first.protocolVersion()).isEqualTo(1);
    WireguardPeer second = peer(device, b);
    assertThat(second.presharedKey()).isEqualTo(WireguardKey.ZERO);
    assertThat(second.endpoint()).isEqualTo(endpoint("2001:db8::2", 51822));
    assertThat(second.persistentKeepalive()).isEqualTo(Duration.ZERO);
    assertThat(second.allowedIps()).containsExactly(AllowedIp.parse("10.2.0.2/32"));
  }

  @Test
  void replacingOnePeersAllowedIpsLeavesTheOthersAsTheyWere() throws Exception {
    String name = created();
    WireguardKey a = newPublicKey();
    WireguardKey b = newPublicKey();
    WireguardKey c = newPublicKey();
    wireGuard().configure(name, WireguardConfig.ofPeers(List.of(adding(a, "10.0.1.0/24"),
        WireguardPeerConfig.replacing(b, null, endpoint("192.0.2.2", 1000), Duration.ofSeconds(5),
            ips("10.0.2.0/24", "10.0.3.0/24")),
        adding(c, "10.0.4.0/24"))));
    WireguardDevice before = wireGuard().device(name);

    wireGuard().configure(name, WireguardConfig.ofPeers(List.of(
        WireguardPeerConfig.replacing(b, null, endpoint("192.0.2.2", 1000), Duration.ofSeconds(5),
            ips("10.0.5.0/24")))));
    WireguardDevice after = wireGuard().device(name);
    assertThat(peer(after, b).allowedIps()).containsExactly(AllowedIp.parse("10.0.5.0/24"));
    assertThat(peer(after, a)).isEqualTo(peer(before, a));
    assertThat(peer(after, c)).isEqualTo(peer(before, c));

    wireGuard().configure(name, WireguardConfig.ofPeers(List.of(new WireguardPeerConfig(b, false, false, null, null,
        null, false, ips("10.0.6.0/24")))));
    assertThat(peer(wireGuard().device(name), b).allowedIps()).as("added without replace_allowed_ips")
        .containsExactlyInAnyOrderElementsOf(ips("10.0.5.0/24", "10.0.6.0/24"));
  }

  @Test
  void anAllowedIpMovesToThePeerItIsAddedTo() throws Exception {
    String name = created();
    WireguardKey a = newPublicKey();
    WireguardKey b = newPublicKey();
    wireGuard().configure(name, WireguardConfig.ofPeers(List.of(adding(a, "10.0.1.0/24", "10.0.9.0/24"),
        adding(b, "10.0.2.0/24"))));
    wireGuard().configure(name, WireguardConfig.ofPeers(List.of(new WireguardPeerConfig(b, false, false, null, null,
        null, false, ips("10.0.9.0/24")))));
    WireguardDevice device = wireGuard().device(name);
    assertThat(peer(device, a).allowedIps()).containsExactly(AllowedIp.parse("10.0.1.0/24"));
    assertThat(peer(device, b).allowedIps()).containsExactlyInAnyOrderElementsOf(ips("10.0.2.0/24", "10.0.9.0/24"));
  }

  @Test
  void removingAPeerLeavesTheOthersAndRemovingAMissingOneDoesNothing() throws Exception {
    String name = created();
    WireguardKey a = newPublicKey();
    WireguardKey b = newPublicKey();
    wireGuard().configure(name, WireguardConfig.ofPeers(List.of(adding(a, "10.0.1.0/24"), adding(b, "10.0.2.0/24"))));
    WireguardPeer kept = peer(wireGuard().device(name), b);
    wireGuard().configure(name, WireguardConfig.ofPeers(List.of(WireguardPeerConfig.removal(a),
        WireguardPeerConfig.removal(newPublicKey()))));
    assertThat(wireGuard().device(name).peers()).containsExactly(kept);
  }

  /** What a first-contact redial sends: the peer comes back as new, with only the settings of the add. */
  @Test
  void aPeerRemovedAndAddedInOneChangeComesBackWithOnlyTheAddsSettings() throws Exception {
    String name = created();
    WireguardKey a = newPublicKey();
    WireguardKey b = newPublicKey();
    wireGuard().configure(name, WireguardConfig.ofPeers(List.of(
        WireguardPeerConfig.replacing(a, WireguardKey.generatePreshared(), endpoint("192.0.2.1", 51820),
            Duration.ofSeconds(25), ips("10.0.1.0/24", "10.0.9.0/24")),
        adding(b, "10.0.2.0/24"))));
    WireguardPeer kept = peer(wireGuard().device(name), b);
    wireGuard().configure(name, WireguardConfig.ofPeers(List.of(WireguardPeerConfig.removal(a),
        new WireguardPeerConfig(a, false, false, null, null, null, false, ips("10.0.3.0/24")))));
    WireguardDevice device = wireGuard().device(name);
    WireguardPeer fresh = peer(device, a);
    assertThat(fresh.presharedKey()).isEqualTo(WireguardKey.ZERO);
    assertThat(fresh.endpoint()).isNull();
    assertThat(fresh.persistentKeepalive()).isZero();
    assertThat(fresh.allowedIps()).containsExactly(AllowedIp.parse("10.0.3.0/24"));
    assertThat(peer(device, b)).isEqualTo(kept);
  }

  @Test
  void updateOnlyChangesAPeerTheDeviceHasAndNeverAddsOne() throws Exception {
    String name = created();
    WireguardKey a = newPublicKey();
    WireguardKey missing = newPublicKey();
    wireGuard().configure(name, WireguardConfig.ofPeers(List.of(adding(a, "10.0.1.0/24"))));
    wireGuard().configure(name, WireguardConfig.ofPeers(List.of(
        new WireguardPeerConfig(missing, false, true, null, endpoint("192.0.2.9", 9), null, true, ips("10.0.9.0/24")),
        new WireguardPeerConfig(a, false, true, null, endpoint("192.0.2.1", 1), null, false, List.of()))));
    WireguardDevice device = wireGuard().device(name);
    assertThat(device.peers()).extracting(WireguardPeer::publicKey).containsExactly(a);
    assertThat(peer(device, a).endpoint()).isEqualTo(endpoint("192.0.2.1", 1));
    assertThat(peer(device, a).allowedIps()).containsExactly(AllowedIp.parse("10.0.1.0/24"));
  }

  @Test
  void aZeroPresharedKeyClearsIt() throws Exception {
    String name = created();
    WireguardKey a = newPublicKey();
    wireGuard().configure(name, WireguardConfig.ofPeers(List.of(
        WireguardPeerConfig.replacing(a, WireguardKey.generatePreshared(), null, Duration.ZERO, ips("10.0.1.0/24")))));
    assertThat(peer(wireGuard().device(name), a).presharedKey().isZero()).isFalse();
    wireGuard().configure(name, WireguardConfig.ofPeers(List.of(
        new WireguardPeerConfig(a, false, false, WireguardKey.ZERO, null, null, false, List.of()))));
    WireguardPeer cleared = peer(wireGuard().device(name), a);
    assertThat(cleared.presharedKey()).isEqualTo(WireguardKey.ZERO);
    assertThat(cleared.allowedIps()).containsExactly(AllowedIp.parse("10.0.1.0/24"));
  }

  @Test
  void replacePeersLeavesOnlyThePeersOfTheChange() throws Exception {
    String name = created();
    WireguardKey a = newPublicKey();
    WireguardKey b = newPublicKey();
    WireguardKey c = newPublicKey();
    wireGuard().configure(name, WireguardConfig.ofPeers(List.of(adding(a, "10.0.1.0/24"), adding(b, "10.0.2.0/24"))));
    wireGuard().configure(name, new WireguardConfig(null, null, null, true, List.of(adding(c, "10.0.1.0/24"))));
    WireguardDevice device = wireGuard().device(name);
    assertThat(device.peers()).extracting(WireguardPeer::publicKey).containsExactly(c);
    assertThat(peer(device, c).allowedIps()).containsExactly(AllowedIp.parse("10.0.1.0/24"));
    wireGuard().configure(name, new WireguardConfig(null, null, null, true, List.of()));
    assertThat(wireGuard().device(name).peers()).isEmpty();
  }

  @Test
  void aChangeWhosePortIsTakenIsEADDRINUSEAndChangesNothing() throws Exception {
    String holder = created();
    String name = created();
    up(holder);
    up(name);
    wireGuard().configure(holder, new WireguardConfig(null, 51830, null, false, List.of()));
    wireGuard().configure(name, new WireguardConfig(newPrivateKey(), 51831, 1, false,
        List.of(adding(newPublicKey(), "10.0.1.0/24"))));
    WireguardDevice before = wireGuard().device(name);

    assertErrno(() -> wireGuard().configure(name, new WireguardConfig(newPrivateKey(), 51830, 2, true,
        List.of(adding(newPublicKey(), "10.0.2.0/24")))), Errno.EADDRINUSE);
    assertThat(wireGuard().device(name)).isEqualTo(before);
    assertThat(wireGuard().device(holder).listenPort()).isEqualTo(51830);
  }

  @Test
  void anUnknownDeviceIsENODEV() throws Exception {
    String name = newName();
    WireGuard wg = wireGuard(); // outside the lambdas: an implementation may abort the case here
    assertErrno(() -> wg.device(name), Errno.ENODEV);
    assertErrno(() -> wg.configure(name, WireguardConfig.ofPeers(List.of())), Errno.ENODEV);
    assertErrno(() -> wg.deleteDevice(name), Errno.ENODEV);
    assertErrno(() -> wg.device("no/such"), Errno.ENODEV);
    assertThat(wg.devices()).doesNotContain(name);
  }

  @Test
  void aDeletedDeviceIsGoneAndItsNameFreeAgain() throws Exception {
    String name = created();
    wireGuard().configure(name, new WireguardConfig(newPrivateKey(), 51832, null, false,
        List.of(adding(newPublicKey(), "10.0.1.0/24"))));
    wireGuard().deleteDevice(name);
    assertThat(wireGuard().devices()).doesNotContain(name);
    assertErrno(() -> wireGuard().device(name), Errno.ENODEV);
    assertErrno(() -> wireGuard().deleteDevice(name), Errno.ENODEV);
    wireGuard().createDevice(name);
    WireguardDevice fresh = wireGuard().device(name);
    assertThat(fresh.privateKey()).isEqualTo(WireguardKey.ZERO);
    assertThat(fresh.peers()).isEmpty();
  }

  @Test
  void errorsNeverCarryKeys() throws Exception {
    WireguardKey key = newPrivateKey();
    WireguardKey psk = WireguardKey.generatePreshared();
    var change = new WireguardConfig(key, 1, null, false, List.of(
        WireguardPeerConfig.replacing(newPublicKey(), psk, null, Duration.ZERO, List.of())));
    WireGuard wg = wireGuard();
    assertThatThrownBy(() -> wg.configure(newName(), change)).isInstanceOf(WireguardException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(key.base64(), key.hex(), psk.base64(), psk.hex()));
  }

  @Test
  void twoHundredFiftySixPeersGoInOneChange() throws Exception {
    String name = created();
    var peers = new ArrayList<WireguardPeerConfig>();
    var keys = new ArrayList<WireguardKey>();
    for (int i = 0; i < 256; i++) {
      WireguardKey key = newPublicKey();
      keys.add(key);
      peers.add(WireguardPeerConfig.replacing(key, null, endpoint("192.0.2." + i, 51820), Duration.ofSeconds(5),
          ips("10.8." + i + ".1/32")));
    }
    wireGuard().configure(name, new WireguardConfig(newPrivateKey(), 51833, null, false, peers));
    WireguardDevice device = wireGuard().device(name);
    assertThat(device.peers()).hasSize(256);
    assertThat(peer(device, keys.get(200)).allowedIps()).containsExactly(AllowedIp.parse("10.8.200.1/32"));
    assertThat(peer(device, keys.get(200)).endpoint()).isEqualTo(endpoint("192.0.2.200", 51820));
  }

  protected static void assertErrno(ThrowingCallable call, Errno errno) {
    assertThatThrownBy(call).isInstanceOf(WireguardException.class)
        .satisfies(e -> assertThat(((WireguardException) e).errno()).as(e.getMessage()).isEqualTo(errno));
  }
}

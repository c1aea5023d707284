package dev.spindle.platform.wireguard.linux;

import static dev.spindle.platform.wireguard.linux.WgCodec.*;
import static dev.spindle.platform.wireguard.linux.WgCodecTest.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.platform.network.linux.RtAttr;
import dev.spindle.platform.wireguard.AllowedIp;
import dev.spindle.platform.wireguard.WireguardConfig;
import dev.spindle.platform.wireguard.WireguardDevice;
import dev.spindle.platform.wireguard.WireguardKey;
import dev.spindle.platform.wireguard.WireguardPeer;
import dev.spindle.platform.wireguard.WireguardPeerConfig;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Splitting a configuration across {@code WG_CMD_SET_DEVICE} messages: every message within the limit, device fields
 * and {@code WGDEVICE_F_REPLACE_PEERS} only in the first, continued peers without {@code WGPEER_F_REPLACE_ALLOWEDIPS},
 * and the messages decoded back together give the configured peers, in order.
 */
class WgConfigEncoderTest {
  private static final int HEADERS = 20;

  /** One peer part of one message, as the kernel would read it. */
  record Part(WireguardKey key, int flags, Set<Integer> attributes, int allowedIps) {}

  record Message(Set<Integer> deviceAttributes, List<Part> peers) {}

  static Message inspect(byte[] attributes) {
    Set<Integer> device = new TreeSet<>();
    List<Part> peers = new ArrayList<>();
    for (RtAttr a : RtAttr.parse(ByteBuffer.wrap(attributes))) {
      device.add(a.type());
      if (a.type() == WGDEVICE_A_PEERS) {
        for (RtAttr peer : a.nested()) {
          WireguardKey key = null;
          int flags = 0;
          int ips = 0;
          Set<Integer> types = new TreeSet<>();
          for (RtAttr p : peer.nested()) {
            types.add(p.type());
            switch (p.type()) {
              case WGPEER_A_PUBLIC_KEY -> key = WireguardKey.of(p.bytes());
              case WGPEER_A_FLAGS -> flags = p.u32();
              case WGPEER_A_ALLOWEDIPS -> ips = p.nested().size();
              default -> {}
            }
          }
          peers.add(new Part(key, flags, types, ips));
        }
      }
    }
    return new Message(device, peers);
  }

  static WireguardKey indexed(int i) {
    byte[] raw = new byte[32];
    raw[0] = (byte) (i >>> 8);
    raw[1] = (byte) i;
    raw[31] = 0x5a;
    return WireguardKey.of(raw);
  }

  static AllowedIp v4(int i) throws Exception {
    return new AllowedIp(InetAddress.getByAddress(new byte[] {10, (byte) (i >>> 16), (byte) (i >>> 8), (byte) i}), 32);
  }

  static AllowedIp v6(int i) throws Exception {
    byte[] raw = new byte[16];
    raw[0] = (byte) 0xfd;
    raw[14] = (byte) (i >>> 8);
    raw[15] = (byte) i;
    return new AllowedIp(InetAddress.getByAddress(raw), 128);
  }

  /** How the messages decode back: a peer's settings, or for a removal its key alone (nothing else is sent). */
  static WireguardPeer expected(WireguardPeerConfig p) {
    if (p.remove()) {
      return new WireguardPeer(p.publicKey(), null, null, null, null, 0, 0, List.of(), 0);
    }
    return new WireguardPeer(p.publicKey(), p.presharedKey(), p.endpoint(), p.persistentKeepalive(), null, 0, 0,
        p.allowedIps(), 0);
  }

  static void checkInvariants(List<byte[]> messages, WireguardConfig config, int limit) {
    // a new port with anything else goes first and alone; then the device fields, once
    boolean portAlone = config.listenPort() != null && (config.privateKey() != null || config.firewallMark() != null
        || config.replacePeers() || !config.peers().isEmpty());
    int head = portAlone ? 1 : 0;
    for (int i = 0; i < messages.size(); i++) {
      assertThat(HEADERS + messages.get(i).length).as("message %d size", i).isLessThanOrEqualTo(limit);
      Message m = inspect(messages.get(i));
      assertThat(m.deviceAttributes()).contains(WGDEVICE_A_IFNAME);
      if (portAlone && i == 0) {
        assertThat(m.deviceAttributes()).containsOnly(WGDEVICE_A_IFNAME, WGDEVICE_A_LISTEN_PORT);
      } else if (i > head) {
        assertThat(m.deviceAttributes()).as("message %d", i).containsOnly(WGDEVICE_A_IFNAME, WGDEVICE_A_PEERS);
      }
    }
    Message first = inspect(messages.get(head));
    assertThat(first.deviceAttributes().contains(WGDEVICE_A_LISTEN_PORT))
        .isEqualTo(!portAlone && config.listenPort() != null);
    assertThat(first.deviceAttributes().contains(WGDEVICE_A_FLAGS)).isEqualTo(config.replacePeers());
    assertThat(first.deviceAttributes().contains(WGDEVICE_A_PRIVATE_KEY)).isEqualTo(config.privateKey() != null);
    // every peer part after a peer's first is a continuation: key, UPDATE_ONLY, allowed IPs; never REPLACE_ALLOWEDIPS
    Set<WireguardKey> seen = new java.util.HashSet<>();
    for (byte[] bytes : messages) {
      for (Part part : inspect(bytes).peers()) {
        if (!seen.add(part.key())) {
          assertThat(part.flags()).isEqualTo(WGPEER_F_UPDATE_ONLY);
          assertThat(part.attributes()).containsOnly(WGPEER_A_PUBLIC_KEY, WGPEER_A_FLAGS, WGPEER_A_ALLOWEDIPS);
          assertThat(part.allowedIps()).isPositive();
        }
      }
    }
  }

  static WireguardDevice decode(List<byte[]> messages) {
    return WgCodec.decodeDevice("wg0", messages.stream().map(ByteBuffer::wrap).toList());
  }

  @Test
  void threeHundredPeersPackIntoAFewMessagesEachWithinTheLimit() throws Exception {
    List<WireguardPeerConfig> peers = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      peers.add(WireguardPeerConfig.replacing(indexed(i), i % 3 == 0 ? indexed(1000 + i) : null,
          new InetSocketAddress(InetAddress.getByName("127.0.0." + (1 + i % 200)), 51820 + i), Duration.ofSeconds(5),
          List.of(v4(i), v6(i))));
    }
    var config = new WireguardConfig(key(0x11), 51820, 7, true, peers);
    List<byte[]> messages = WgCodec.setDeviceAttributes("wg0", config, DEFAULT_MESSAGE_LIMIT);

    assertThat(messages).hasSizeBetween(6, 9); // the port, then ~45 KB of peers in 8 KiB messages; wgctrl-go: 300
    checkInvariants(messages, config, DEFAULT_MESSAGE_LIMIT);
    WireguardDevice device = decode(messages);
    assertThat(device.privateKey()).isEqualTo(key(0x11));
    assertThat(device.listenPort()).isEqualTo(51820);
    assertThat(device.firewallMark()).isEqualTo(7);
    assertThat(device.peers()).containsExactlyElementsOf(peers.stream().map(WgConfigEncoderTest::expected).toList());
  }

  @Test
  void onePeerWithTwoThousandAllowedIpsContinuesAcrossMessagesWithoutReplacingAgain() throws Exception {
    List<AllowedIp> ips = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      ips.add(v4(i));
    }
    for (int i = 0; i < 100; i++) {
      ips.add(v6(i));
    }
    var peer = WireguardPeerConfig.replacing(key(0x22), null,
        new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 51820), Duration.ofSeconds(25), ips);
    var config = new WireguardConfig(null, null, null, false, List.of(peer));
    List<byte[]> messages = WgCodec.setDeviceAttributes("wg0", config, DEFAULT_MESSAGE_LIMIT);

    assertThat(messages).hasSizeBetween(7, 9); // 2000 × 28 + 100 × 40 bytes of allowed IPs
    checkInvariants(messages, config, DEFAULT_MESSAGE_LIMIT);
    Part first = inspect(messages.getFirst()).peers().getFirst();
    assertThat(first.flags()).isEqualTo(WGPEER_F_REPLACE_ALLOWEDIPS);
    assertThat(first.attributes()).contains(WGPEER_A_ENDPOINT, WGPEER_A_PERSISTENT_KEEPALIVE_INTERVAL);
    assertThat(messages.stream().mapToInt(m -> inspect(m).peers().getFirst().allowedIps()).sum()).isEqualTo(2100);
    assertThat(decode(messages).peers()).containsExactly(expected(peer));
  }

  @Test
  void randomConfigurationsRoundTripAtEveryLimit() throws Exception {
    for (int limit : new int[] {512, 777, 4096, 65535}) {
      Random random = new Random(limit);
      for (int round = 0; round < 20; round++) {
        List<WireguardPeerConfig> peers = new ArrayList<>();
        List<WireguardPeer> kept = new ArrayList<>();
        for (int i = 0, n = random.nextInt(60); i < n; i++) {
          List<AllowedIp> ips = new ArrayList<>();
          for (int k = 0, m = random.nextInt(random.nextInt(10) == 0 ? 400 : 6); k < m; k++) {
            ips.add(random.nextBoolean() ? v4(random.nextInt(1 << 20)) : v6(random.nextInt(1 << 16)));
          }
          var endpoint = random.nextBoolean() ? null
              : new InetSocketAddress(InetAddress.getByName(random.nextBoolean() ? "127.0.0.2" : "::1"), 1 + i);
          var p = new WireguardPeerConfig(indexed(i), random.nextInt(8) == 0, random.nextInt(4) == 0,
              random.nextBoolean() ? indexed(500 + i) : null, endpoint,
              random.nextBoolean() ? Duration.ofSeconds(random.nextInt(65536)) : null, random.nextBoolean(), ips);
          peers.add(p);
          kept.add(expected(p));
        }
        var config = new WireguardConfig(random.nextBoolean() ? key(0x11) : null,
            random.nextBoolean() ? random.nextInt(65536) : null, null, random.nextBoolean(), peers);
        List<byte[]> messages = WgCodec.setDeviceAttributes("wg0", config, limit);
        checkInvariants(messages, config, limit);
        assertThat(decode(messages).peers()).as("limit %d round %d", limit, round).containsExactlyElementsOf(kept);
      }
    }
  }

  @Test
  void eachPeersFirstPartCarriesItsOwnFlags() {
    record Row(boolean remove, boolean updateOnly, boolean replaceAllowedIps, int flags) {}
    for (Row row : List.of(new Row(false, false, false, 0), new Row(false, false, true, WGPEER_F_REPLACE_ALLOWEDIPS),
        new Row(false, true, false, WGPEER_F_UPDATE_ONLY),
        new Row(false, true, true, WGPEER_F_UPDATE_ONLY | WGPEER_F_REPLACE_ALLOWEDIPS),
        new Row(true, false, true, WGPEER_F_REMOVE_ME), new Row(true, true, false, WGPEER_F_REMOVE_ME))) {
      var peer = new WireguardPeerConfig(key(0x22), row.remove, row.updateOnly, null, null, null,
          row.replaceAllowedIps, List.of());
      Part part = inspect(WgCodec.setDeviceAttributes("wg0", WireguardConfig.ofPeers(List.of(peer)), 512).getFirst())
          .peers().getFirst();
      assertThat(part.flags()).as("%s", row).isEqualTo(row.flags);
      assertThat(part.attributes().contains(WGPEER_A_FLAGS)).isEqualTo(row.flags != 0);
    }
  }

  @Test
  void aDeviceHeadThatLeavesNoRoomSendsItsFieldsAlone() throws Exception {
    // a peer too big for what the first message has left goes whole into the second
    List<AllowedIp> ips = new ArrayList<>();
    for (int i = 0; i < 14; i++) {
      ips.add(v6(i));
    }
    var peer = WireguardPeerConfig.replacing(key(0x22), key(0x23), null, Duration.ZERO, ips);
    var config = new WireguardConfig(key(0x11), 1, 2, true, List.of(peer));
    List<byte[]> messages = WgCodec.setDeviceAttributes("wg0", config, 512);
    checkInvariants(messages, config, 512);
    assertThat(decode(messages).peers()).containsExactly(expected(peer));
  }

  @Test
  void limitsOutsideWhatANestCanHoldAreRefused() {
    var config = WireguardConfig.ofPeers(List.of());
    assertThatThrownBy(() -> WgCodec.setDeviceAttributes("wg0", config, 511))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("512..65535");
    assertThatThrownBy(() -> WgCodec.setDeviceAttributes("wg0", config, 65536))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

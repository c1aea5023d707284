package dev.spindle.platform.wireguard.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.platform.network.linux.GenlCodec;
import dev.spindle.platform.network.linux.MalformedNetlinkException;
import dev.spindle.platform.network.linux.NlMsg;
import dev.spindle.platform.wireguard.AllowedIp;
import dev.spindle.platform.wireguard.WireguardConfig;
import dev.spindle.platform.wireguard.WireguardDevice;
import dev.spindle.platform.wireguard.WireguardKey;
import dev.spindle.platform.wireguard.WireguardPeer;
import dev.spindle.platform.wireguard.WireguardPeerConfig;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link WgCodec} against vectors built by hand from {@code linux/wireguard.h} (little-endian host, as CI's x86-64):
 * the get request, a set request, and a two-message dump in which one peer's allowed IPs continue in the second
 * message. Each vector is laid out one attribute a line: length, type (0x80 in the type's high byte is
 * {@code NLA_F_NESTED}), value.
 */
class WgCodecTest {
  private static final HexFormat HEX = HexFormat.of();
  static final int FAMILY = 0x15;

  static byte[] hex(String... parts) {
    return HEX.parseHex(String.join("", parts).replaceAll("\\s+", ""));
  }

  static String fill(int b) {
    return String.format("%02x", b).repeat(32);
  }

  static WireguardKey key(int b) {
    byte[] raw = new byte[32];
    Arrays.fill(raw, (byte) b);
    return WireguardKey.of(raw);
  }

  static AllowedIp ip(String cidr) {
    return AllowedIp.parse(cidr);
  }

  static InetSocketAddress endpoint(String ip, int port) throws Exception {
    return new InetSocketAddress(InetAddress.getByName(ip), port);
  }

  /** WG_CMD_GET_DEVICE "wg0", seq 7. */
  static final byte[] GET_WG0 = hex(
      "1c000000 1500 0103 07000000 00000000", // nlmsghdr: len 28, family 0x15, REQUEST|DUMP (0x301), seq 7, pid 0
      "00 01 0000",                           // genlmsghdr: WG_CMD_GET_DEVICE, version 1
      "0800 0200 77673000");                  // WGDEVICE_A_IFNAME "wg0\0"

  /** The first WG_CMD_SET_DEVICE of a change with a new port and more: the port alone. */
  static final byte[] SET_WG0_PORT = hex(
      "0800 0200 77673000",                   // WGDEVICE_A_IFNAME "wg0\0"
      "0600 0600 6cca 0000");                 // WGDEVICE_A_LISTEN_PORT u16 51820 (host order) + 2 padding

  /** The rest of it: key 0x11…, replace peers, one peer replacing its allowed IPs. */
  static final byte[] SET_WG0 = hex(
      "0800 0200 77673000",                   // WGDEVICE_A_IFNAME "wg0\0"
      "2400 0300", fill(0x11),                // WGDEVICE_A_PRIVATE_KEY, 32 bytes
      "0800 0500 01000000",                   // WGDEVICE_A_FLAGS WGDEVICE_F_REPLACE_PEERS
      "9800 0880",                            // WGDEVICE_A_PEERS, nested, 152 bytes
      "  9400 0080",                          //   peer (array index 0), nested, 148 bytes
      "    2400 0100", fill(0x22),            //     WGPEER_A_PUBLIC_KEY
      "    0800 0300 02000000",               //     WGPEER_A_FLAGS WGPEER_F_REPLACE_ALLOWEDIPS
      "    1400 0400 0200 ca6c 0a000002 0000000000000000", // WGPEER_A_ENDPOINT sockaddr_in: AF_INET (host order),
                                              //     port 51820 (network order), 10.0.0.2, 8 zero bytes
      "    0600 0500 0500 0000",              //     WGPEER_A_PERSISTENT_KEEPALIVE_INTERVAL u16 5
      "    4800 0980",                        //     WGPEER_A_ALLOWEDIPS, nested, 72 bytes
      "      1c00 0080",                      //       allowed IP, nested, 28 bytes
      "        0600 0100 0200 0000",          //         WGALLOWEDIP_A_FAMILY u16 AF_INET
      "        0800 0200 0a0a0002",           //         WGALLOWEDIP_A_IPADDR 10.10.0.2
      "        0500 0300 20 000000",          //         WGALLOWEDIP_A_CIDR_MASK u8 32
      "      2800 0080",                      //       allowed IP, nested, 40 bytes
      "        0600 0100 0a00 0000",          //         AF_INET6
      "        1400 0200 fd000000000000000000000000000002", // fd00::2
      "        0500 0300 80 000000");         //         128

  /** Attributes of a peers-only change: remove one peer; update another only if present (clear its PSK, IPv6). */
  static final byte[] SET_REMOVE_AND_UPDATE = hex(
      "0800 0200 77673000",                   // WGDEVICE_A_IFNAME "wg0\0"; no device fields, no flags
      "a800 0880",                            // WGDEVICE_A_PEERS, nested, 168 bytes
      "  3000 0080",                          //   peer, 48 bytes
      "    2400 0100", fill(0x33),            //     WGPEER_A_PUBLIC_KEY
      "    0800 0300 01000000",               //     WGPEER_A_FLAGS WGPEER_F_REMOVE_ME (its allowed IPs are not sent)
      "  7400 0080",                          //   peer, 116 bytes
      "    2400 0100", fill(0x44),            //     WGPEER_A_PUBLIC_KEY
      "    0800 0300 04000000",               //     WGPEER_A_FLAGS WGPEER_F_UPDATE_ONLY
      "    2400 0200", fill(0x00),            //     WGPEER_A_PRESHARED_KEY all zero: remove it
      "    2000 0400 0a00 ca6c 00000000 fe800000000000000000000000000001 03000000"); // WGPEER_A_ENDPOINT
                                              //     sockaddr_in6: AF_INET6, port, flow info, fe80::1, scope id 3

  /** A dump datagram: two RTM-style parts of device wg0 and NLMSG_DONE; peer 0x22's allowed IPs span both. */
  static final byte[] DUMP_WG0 = hex(
      "3c010000 1500 0200 05000000 00000000", // nlmsghdr: len 316, family 0x15, NLM_F_MULTI, seq 5
      "00 01 0000",                           // genlmsghdr: WG_CMD_GET_DEVICE, version 1
      "0800 0100 05000000",                   // WGDEVICE_A_IFINDEX 5
      "0800 0200 77673000",                   // WGDEVICE_A_IFNAME "wg0\0"
      "2400 0300", fill(0x11),                // WGDEVICE_A_PRIVATE_KEY
      "2400 0400", fill(0x55),                // WGDEVICE_A_PUBLIC_KEY
      "0600 0600 6cca 0000",                  // WGDEVICE_A_LISTEN_PORT 51820
      "0800 0700 2a000000",                   // WGDEVICE_A_FWMARK 42
      "c000 0880",                            // WGDEVICE_A_PEERS, nested, 192 bytes
      "  bc00 0080",                          //   peer, 188 bytes
      "    2400 0100", fill(0x22),            //     WGPEER_A_PUBLIC_KEY
      "    2400 0200", fill(0x00),            //     WGPEER_A_PRESHARED_KEY: none
      "    1400 0600 0000006500000000 f401000000000000", // WGPEER_A_LAST_HANDSHAKE_TIME __kernel_timespec:
                                              //     s64 0x65000000 seconds, s64 500 nanoseconds
      "    0600 0500 1900 0000",              //     WGPEER_A_PERSISTENT_KEEPALIVE_INTERVAL 25
      "    0c00 0800 e803000000000000",       //     WGPEER_A_TX_BYTES u64 1000
      "    0c00 0700 d007000000000000",       //     WGPEER_A_RX_BYTES u64 2000
      "    0800 0a00 01000000",               //     WGPEER_A_PROTOCOL_VERSION 1
      "    1400 0400 0200 ca6d 7f000001 0000000000000000", // WGPEER_A_ENDPOINT 127.0.0.1:51821
      "    2000 0980",                        //     WGPEER_A_ALLOWEDIPS, nested, 32 bytes
      "      1c00 0080",                      //       allowed IP, 28 bytes
      "        0600 0100 0200 0000",          //         AF_INET
      "        0800 0200 0a0a0000",           //         10.10.0.0
      "        0500 0300 18 000000",          //         /24
      "04010000 1500 0200 05000000 00000000", // nlmsghdr: len 260, the second part
      "00 01 0000",
      "0800 0100 05000000",                   // WGDEVICE_A_IFINDEX 5
      "0800 0200 77673000",                   // WGDEVICE_A_IFNAME "wg0\0"; no device fields in later parts
      "e000 0880",                            // WGDEVICE_A_PEERS, nested, 224 bytes
      "  5400 0080",                          //   peer 0x22 continued, 84 bytes: public key and allowed IPs only
      "    2400 0100", fill(0x22),
      "    2c00 0980",                        //     WGPEER_A_ALLOWEDIPS, 44 bytes
      "      2800 0080",                      //       allowed IP, 40 bytes
      "        0600 0100 0a00 0000",          //         AF_INET6
      "        1400 0200 fd000000000000000000000000000000", // fd00::
      "        0500 0300 40 000000",          //         /64
      "  8800 0080",                          //   peer 0x44, 136 bytes: never a handshake, nothing sent
      "    2400 0100", fill(0x44),
      "    2400 0200", fill(0x66),            //     WGPEER_A_PRESHARED_KEY 0x66…
      "    1400 0600 0000000000000000 0000000000000000", // WGPEER_A_LAST_HANDSHAKE_TIME zero: never
      "    0600 0500 0000 0000",              //     keepalive off
      "    0c00 0800 0000000000000000",       //     tx 0
      "    0c00 0700 0000000000000000",       //     rx 0
      "    0800 0a00 01000000",               //     protocol 1
      "14000000 0300 0200 05000000 00000000 00000000"); // NLMSG_DONE, error 0

  static WireguardDevice decodeDatagram(byte[] datagram) {
    List<ByteBuffer> parts = NlMsg.split(ByteBuffer.wrap(datagram)).stream()
        .filter(m -> m.header().type() == FAMILY).map(m -> GenlCodec.decode(m.payload()).attributes()).toList();
    return WgCodec.decodeDevice("wg0", parts);
  }

  @Test
  void getDeviceRequestIsTheDocumentedBytes() {
    assertThat(HEX.formatHex(WgCodec.getDeviceRequest(FAMILY, 7, "wg0"))).isEqualTo(HEX.formatHex(GET_WG0));
  }

  @Test
  void setDeviceWithKeyPortReplacePeersAndOnePeerIsTheDocumentedBytes() throws Exception {
    var config = new WireguardConfig(key(0x11), 51820, null, true, List.of(WireguardPeerConfig.replacing(key(0x22),
        null, endpoint("10.0.0.2", 51820), Duration.ofSeconds(5), List.of(ip("10.10.0.2/32"), ip("fd00::2/128")))));
    List<byte[]> messages = WgCodec.setDeviceAttributes("wg0", config, WgCodec.DEFAULT_MESSAGE_LIMIT);
    assertThat(messages).extracting(HEX::formatHex).containsExactly(HEX.formatHex(SET_WG0_PORT),
        HEX.formatHex(SET_WG0));

    byte[] request = WgCodec.setDeviceRequest(FAMILY, 3, messages.get(1));
    assertThat(HEX.formatHex(Arrays.copyOf(request, 20)))
        .isEqualTo("e0000000" + "1500" + "0500" + "03000000" + "00000000" + "01010000"); // len 224, REQUEST|ACK, SET
  }

  @Test
  void aPortAloneIsOneMessage() {
    assertThat(WgCodec.setDeviceAttributes("wg0", new WireguardConfig(null, 51820, null, false, List.of()), 8192))
        .extracting(HEX::formatHex).containsExactly(HEX.formatHex(SET_WG0_PORT));
  }

  @Test
  void removalsCarryOnlyTheKeyAndUpdateOnlyPeersClearAPresharedKeyWithZeros() throws Exception {
    var scoped = new InetSocketAddress(Inet6Address.getByAddress(null, InetAddress.getByName("fe80::1").getAddress(),
        3), 51820);
    var config = WireguardConfig.ofPeers(List.of(
        new WireguardPeerConfig(key(0x33), true, false, key(0x01), null, Duration.ofSeconds(9), true,
            List.of(ip("10.0.0.0/8"))),
        new WireguardPeerConfig(key(0x44), false, true, WireguardKey.ZERO, scoped, null, false, List.of())));
    List<byte[]> messages = WgCodec.setDeviceAttributes("wg0", config, WgCodec.DEFAULT_MESSAGE_LIMIT);
    assertThat(messages).singleElement()
        .satisfies(m -> assertThat(HEX.formatHex(m)).isEqualTo(HEX.formatHex(SET_REMOVE_AND_UPDATE)));
  }

  @Test
  void anEmptyConfigIsOneMessageNamingTheDevice() {
    assertThat(WgCodec.setDeviceAttributes("wg0", WireguardConfig.ofPeers(List.of()), 8192))
        .singleElement().satisfies(m -> assertThat(HEX.formatHex(m)).isEqualTo("0800020077673000"));
  }

  @Test
  void aTwoPartDumpMergesTheContinuedPeerAndKeepsPeerOrder() throws Exception {
    WireguardDevice device = decodeDatagram(DUMP_WG0);
    assertThat(device).isEqualTo(new WireguardDevice("wg0", key(0x11), key(0x55), 51820, 42, List.of(
        new WireguardPeer(key(0x22), WireguardKey.ZERO, endpoint("127.0.0.1", 51821), Duration.ofSeconds(25),
            Instant.ofEpochSecond(0x65000000L, 500), 2000, 1000, List.of(ip("10.10.0.0/24"), ip("fd00::/64")), 1),
        new WireguardPeer(key(0x44), key(0x66), null, Duration.ZERO, null, 0, 0, List.of(), 1))));
  }

  @Test
  void setAttributesDecodeBackAsTheDevice() throws Exception {
    // the set and get forms share their peer layout, so a set request reads back as the peers it configures
    WireguardDevice device = WgCodec.decodeDevice("wg0",
        List.of(ByteBuffer.wrap(SET_WG0_PORT), ByteBuffer.wrap(SET_WG0)));
    assertThat(device.privateKey()).isEqualTo(key(0x11));
    assertThat(device.listenPort()).isEqualTo(51820);
    assertThat(device.peers()).singleElement().satisfies(p -> {
      assertThat(p.publicKey()).isEqualTo(key(0x22));
      assertThat(p.endpoint()).isEqualTo(endpoint("10.0.0.2", 51820));
      assertThat(p.persistentKeepalive()).isEqualTo(Duration.ofSeconds(5));
      assertThat(p.allowedIps()).containsExactly(ip("10.10.0.2/32"), ip("fd00::2/128"));
    });
    WireguardDevice scoped = WgCodec.decodeDevice("wg0", List.of(ByteBuffer.wrap(SET_REMOVE_AND_UPDATE)));
    assertThat(scoped.peers().get(1).endpoint().getAddress()).isInstanceOfSatisfying(Inet6Address.class,
        a -> assertThat(a.getScopeId()).isEqualTo(3));
    assertThat(scoped.peers().get(1).endpoint().getPort()).isEqualTo(51820);
  }

  @Test
  void badNamesAreRefusedBeforeAnythingIsEncoded() {
    assertThatThrownBy(() -> WgCodec.getDeviceRequest(FAMILY, 1, "")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> WgCodec.setDeviceAttributes("sixteen-chars-xx", WireguardConfig.ofPeers(List.of()),
        8192)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1..15 bytes");
  }

  @Test
  void malformedDevicesSayWhatIsWrong() {
    record Case(String why, byte[] attributes, String message) {}
    List<Case> cases = List.of(
        new Case("a peer without its key", hex("1000 0880", "0c00 0080", "0800 0a00 01000000"),
            "without WGPEER_A_PUBLIC_KEY"),
        new Case("a 31-byte key", hex("2300 0300", fill(0x11).substring(2), "00"), "a 32-byte key expected"),
        new Case("an IPv4 allowed IP of 16 bytes", allowedIpAttrs("0200", "1400 0200" + "00".repeat(16), "20"),
            "family 2, 16-byte address"),
        new Case("a /33 IPv4 allowed IP", allowedIpAttrs("0200", "0800 0200 0a000000", "21"), "mask 33"),
        new Case("an allowed IP of family 7", allowedIpAttrs("0700", "0800 0200 0a000000", "08"), "family 7"),
        new Case("a 12-byte timespec", peerAttrs("1000 0600" + "00".repeat(12)), "8- or 16-byte timespec"),
        new Case("a sockaddr_in of 28 bytes", peerAttrs("2000 0400 0200 0001" + "00".repeat(24)),
            "neither sockaddr_in"),
        new Case("a sockaddr of 3 bytes (found by Jazzer)", peerAttrs("0700 0400 0200 ca 00"), "family 2 and 3 bytes"),
        new Case("a 3-byte port", hex("0700 0600 010203 00"), "u16 expected"),
        new Case("a timespec beyond Instant", peerAttrs("1400 0600 ffffffffffffff7f ffffffffffffff7f"),
            "out of range"));
    for (Case c : cases) {
      assertThatThrownBy(() -> WgCodec.decodeDevice("wg0", List.of(ByteBuffer.wrap(c.attributes))), c.why)
          .isInstanceOf(MalformedNetlinkException.class).hasMessageContaining(c.message);
    }
    assertThatThrownBy(() -> WgCodec.decodeDevice("wg0", List.of())).isInstanceOf(MalformedNetlinkException.class);
  }

  /** WGDEVICE_A_PEERS holding one peer with a public key and {@code more} (already encoded attributes). */
  private static byte[] peerAttrs(String more) {
    byte[] extra = hex(more);
    int peer = 4 + 36 + extra.length;
    return hex(le16(peer + 4) + "0880", le16(peer) + "0080", "2400 0100", fill(0x22), more);
  }

  private static byte[] allowedIpAttrs(String family, String address, String mask) {
    String entry = "0600 0100 " + family + " 0000" + address + "0500 0300 " + mask + " 000000";
    int entryLength = 4 + hex(entry).length;
    return peerAttrs(le16(entryLength + 4) + "0980" + le16(entryLength) + "0080" + entry);
  }

  private static String le16(int v) {
    return String.format("%02x%02x", v & 0xff, v >>> 8);
  }

  @Test
  void randomAndTruncatedInputNeverEscapesAsAnythingButMalformed() {
    Random random = new Random(0x3c01);
    for (int i = 0; i < 20_000; i++) {
      byte[] b = switch (i % 3) {
        case 0 -> Arrays.copyOf(DUMP_WG0, random.nextInt(DUMP_WG0.length + 1));
        case 1 -> {
          byte[] c = DUMP_WG0.clone();
          for (int k = 0, n = 1 + random.nextInt(8); k < n; k++) {
            c[random.nextInt(c.length)] = (byte) random.nextInt(256);
          }
          yield c;
        }
        default -> {
          byte[] c = new byte[16 + random.nextInt(300)];
          random.nextBytes(c);
          ByteBuffer.wrap(c).order(java.nio.ByteOrder.nativeOrder()).putInt(0, 16 + random.nextInt(c.length - 15))
              .putShort(4, (short) FAMILY);
          yield c;
        }
      };
      try {
        decodeDatagram(b);
      } catch (MalformedNetlinkException expected) {
        // the one way to refuse bytes
      }
    }
  }
}

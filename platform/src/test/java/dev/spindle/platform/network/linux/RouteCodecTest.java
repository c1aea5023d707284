package dev.spindle.platform.network.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.platform.network.Ifa;
import dev.spindle.platform.network.RouteMessage;
import dev.spindle.platform.network.Rtn;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The route codec: a real kernel dump (golden bytes), hand-built vectors, and seeded random and truncated input. */
class RouteCodecTest {
  private static final HexFormat HEX = HexFormat.of();

  /** {@code route-dump.bin}, recorded by {@link GoldenCapture#captureRoutes} from Linux 6.18. */
  private static byte[] golden() throws Exception {
    try (InputStream in = RouteCodecTest.class.getResourceAsStream("route-dump.bin")) {
      return in.readAllBytes();
    }
  }

  private static List<RouteMessage> decodeDump(byte[] bytes) {
    return NlMsg.split(ByteBuffer.wrap(bytes)).stream().filter(m -> m.header().type() == RouteCodec.RTM_NEWROUTE)
        .map(m -> RouteCodec.decode(m.payload())).toList();
  }

  private static byte[] ip(String literal) {
    return java.net.InetAddress.ofLiteral(literal).getAddress();
  }

  /** A kernel-made route ({@code proto kernel}). */
  private static RouteMessage kernel(int family, String dst, int len, int table, int type, int scope, int link,
      String prefSrc, int metric) {
    return RouteMessage.builder(family).dst(ip(dst)).dstLength(len).table(table).type(type).scope(scope)
        .protocol(Rtn.PROT_KERNEL).outIndex(link).prefSrc(prefSrc == null ? null : ip(prefSrc)).priority(metric)
        .build();
  }

  private static RouteMessage v4(String dst, int len, int table, int type, int scope, int link, String src) {
    return kernel(Ifa.AF_INET, dst, len, table, type, scope, link, src, 0);
  }

  private static RouteMessage v6(String dst, int len, int table, int type, int link, int metric) {
    return kernel(Ifa.AF_INET6, dst, len, table, type, Ifa.SCOPE_UNIVERSE, link, null, metric);
  }

  @Test
  void aRealKernelDumpDecodes() throws Exception {
    var messages = NlMsg.split(ByteBuffer.wrap(golden()));
    assertThat(messages).hasSize(19);
    assertThat(messages.getLast().header().type()).isEqualTo(NlMsg.NLMSG_DONE);
    assertThat(messages).allSatisfy(m -> assertThat(m.header().flags() & NlMsg.NLM_F_MULTI).isNotZero());

    int main = Rtn.TABLE_MAIN;
    int local = Rtn.TABLE_LOCAL;
    assertThat(decodeDump(golden())).containsExactly(
        RouteMessage.of("10.6.0.0", 16, null, 3, 0).toBuilder().table(100).protocol(Rtn.PROT_STATIC).mtu(1400)
            .build(),
        RouteMessage.of("192.0.2.0", 24, "10.1.0.254", 3, 0).toBuilder().table(1000).build(),
        v4("10.1.0.0", 24, main, Rtn.UNICAST, Ifa.SCOPE_LINK, 3, "10.1.0.1"),
        RouteMessage.of("10.5.0.0", 16, "10.1.0.254", 3, 50),
        RouteMessage.of("10.99.0.0", 16, null, 0, 0).toBuilder().type(Rtn.BLACKHOLE).scope(Ifa.SCOPE_UNIVERSE)
            .build(),
        v4("10.1.0.1", 32, local, Rtn.LOCAL, Ifa.SCOPE_HOST, 3, "10.1.0.1"),
        v4("10.1.0.255", 32, local, Rtn.BROADCAST, Ifa.SCOPE_LINK, 3, "10.1.0.1"),
        v4("127.0.0.0", 8, local, Rtn.LOCAL, Ifa.SCOPE_HOST, 1, "127.0.0.1"),
        v4("127.0.0.1", 32, local, Rtn.LOCAL, Ifa.SCOPE_HOST, 1, "127.0.0.1"),
        v4("127.255.255.255", 32, local, Rtn.BROADCAST, Ifa.SCOPE_LINK, 1, "127.0.0.1"),
        v6("2001:db8::", 64, main, Rtn.UNICAST, 3, 256),
        RouteMessage.of("2001:db8:1::", 64, "2001:db8::fe", 3, 200).toBuilder().scope(Ifa.SCOPE_UNIVERSE).build(),
        v6("fe80::", 64, main, Rtn.UNICAST, 2, 256),
        v6("fe80::", 64, main, Rtn.UNICAST, 3, 256),
        v6("::1", 128, local, Rtn.LOCAL, 1, 0),
        v6("2001:db8::1", 128, local, Rtn.LOCAL, 3, 0),
        v6("ff00::", 8, local, Rtn.MULTICAST, 2, 256),
        v6("ff00::", 8, local, Rtn.MULTICAST, 3, 256));
  }

  @Test
  void requestsAreEncodedWithTheirFlagsAndAttributes() {
    // nlmsghdr (len 60, RTM_NEWROUTE, REQUEST|ACK|EXCL|CREATE, seq 7), rtmsg (inet, /16, main, boot, universe,
    // unicast), DST, GATEWAY, PRIORITY, OIF
    assertThat(HEX.formatHex(RouteCodec.addRequest(7, RouteMessage.of("10.5.0.0", 16, "10.1.0.254", 3, 50))))
        .isEqualTo("3c000000" + "1800" + "0506" + "07000000" + "00000000"
            + "02100000" + "fe030001" + "00000000"
            + "0800" + "0100" + "0a050000"
            + "0800" + "0500" + "0a0100fe"
            + "0800" + "0600" + "32000000"
            + "0800" + "0400" + "03000000");
    // REQUEST|ACK|REPLACE|CREATE; table 1000 in RTA_TABLE with rtm_table unspec; RTAX_MTU nested in RTA_METRICS
    var wide = RouteMessage.of("192.0.2.0", 24, null, 3, 0).toBuilder().table(1000).mtu(1400).build();
    assertThat(HEX.formatHex(RouteCodec.replaceRequest(8, wide))).isEqualTo(
        "40000000" + "1800" + "0505" + "08000000" + "00000000"
            + "02180000" + "0003fd01" + "00000000"
            + "0800" + "0f00" + "e8030000"
            + "0800" + "0100" + "c0000200"
            + "0c00" + "0800" + "0800" + "0200" + "78050000"
            + "0800" + "0400" + "03000000");
    // RTM_DELROUTE, REQUEST|ACK, scope nowhere (any); the default route has no RTA_DST; table 0 asks for main
    var deleted = RouteMessage.of(null, 0, "10.1.0.254", 0, 0).toBuilder().table(0).build();
    assertThat(HEX.formatHex(RouteCodec.deleteRequest(9, deleted))).isEqualTo(
        "24000000" + "1900" + "0500" + "09000000" + "00000000"
            + "02000000" + "fe03ff01" + "00000000"
            + "0800" + "0500" + "0a0100fe");
    assertThat(HEX.formatHex(RouteCodec.dumpRequest(10, 0))).isEqualTo(
        "1c000000" + "1a00" + "0103" + "0a000000" + "00000000" + "00000000" + "00000000" + "00000000");
  }

  @Test
  void aRequestDecodesAsANotificationWould() {
    var route = RouteMessage.builder(Ifa.AF_INET6).dst(ip("2001:db8:5::")).dstLength(48).src(ip("2001:db8::"))
        .srcLength(32).prefSrc(ip("2001:db8::1")).gateway(ip("fe80::1")).outIndex(4).priority(1024).mtu(1280)
        .table(Rtn.TABLE_MAIN).protocol(Rtn.PROT_STATIC).type(Rtn.UNICAST).flags(Rtn.F_ONLINK).build();
    byte[] request = RouteCodec.addRequest(1, route);
    assertThat(RouteCodec.decode(NlMsg.split(ByteBuffer.wrap(request)).getFirst().payload())).isEqualTo(route);
  }

  @Test
  void handBuiltAttributesDecodeWithUnknownsSkippedAndRtaTableWinning() {
    byte[] message = message(new RtMsg(Ifa.AF_INET, 24, 0, 0, Rtn.TABLE_UNSPEC, Rtn.PROT_DHCP, 0, Rtn.UNICAST,
        Rtn.F_LINKDOWN), attrs -> {
      RtAttr.put(attrs, 0x7f, new byte[] {1, 2, 3}); // unknown, padded
      RtAttr.putU32(attrs, RouteCodec.RTA_TABLE, 70_000);
      RtAttr.put(attrs, RouteCodec.RTA_DST, ip("10.7.0.0"));
      RtAttr.put(attrs, RouteCodec.RTA_GATEWAY, ip("10.0.0.1"));
      RtAttr.put(attrs, RouteCodec.RTA_PREF, new byte[] {0}); // skipped
      ByteBuffer metrics = ByteBuffer.allocate(16).order(ByteOrder.nativeOrder());
      RtAttr.putU32(metrics, 4, 10); // RTAX_WINDOW: skipped
      RtAttr.putU32(metrics, RouteCodec.RTAX_MTU, 9000);
      RtAttr.put(attrs, RouteCodec.RTA_METRICS | RtAttr.NLA_F_NESTED, metrics.array());
      RtAttr.putU32(attrs, RouteCodec.RTA_OIF, 5);
      RtAttr.putU32(attrs, RouteCodec.RTA_PRIORITY, 100);
    });
    assertThat(decodeDump(message)).containsExactly(RouteMessage.builder(Ifa.AF_INET).dst(ip("10.7.0.0"))
        .dstLength(24).gateway(ip("10.0.0.1")).table(70_000).protocol(Rtn.PROT_DHCP).type(Rtn.UNICAST)
        .flags(Rtn.F_LINKDOWN).outIndex(5).priority(100).mtu(9000).build());
  }

  @Test
  void malformedInputIsRefusedClearly() {
    assertMalformed(message(new RtMsg(7, 8, 0, 0, 254, 0, 0, 1, 0), a -> { }),
        "route family 7 is neither inet nor inet6");
    assertMalformed(message(new RtMsg(Ifa.AF_INET, 33, 0, 0, 254, 0, 0, 1, 0), a -> { }),
        "prefix length 33 exceeds 32");
    assertMalformed(message(new RtMsg(Ifa.AF_INET6, 0, 129, 0, 254, 0, 0, 1, 0), a -> { }),
        "prefix length 129 exceeds 128");
    assertMalformed(message(new RtMsg(Ifa.AF_INET, 24, 0, 0, 254, 0, 0, 1, 0),
        a -> RtAttr.put(a, RouteCodec.RTA_GATEWAY, new byte[16])), "attribute 5: 16 bytes, a 4-byte address expected");
    assertMalformed(message(new RtMsg(Ifa.AF_INET, 24, 0, 0, 254, 0, 0, 1, 0),
        a -> RtAttr.put(a, RouteCodec.RTA_OIF, new byte[2])), "attribute 4: 2 bytes, u32 expected");
    assertMalformed(message(new RtMsg(Ifa.AF_INET, 24, 0, 0, 254, 0, 0, 1, 0),
        a -> RtAttr.put(a, RouteCodec.RTA_METRICS, new byte[] {9, 0, 2, 0})), "attribute 2 length 9 outside 4..4");
    assertMalformed(message(null, a -> a.put(new byte[5])), "rtmsg truncated: 5 of 12 bytes");
  }

  private static void assertMalformed(byte[] message, String why) {
    assertThatThrownBy(() -> decodeDump(message)).isInstanceOf(MalformedNetlinkException.class)
        .hasMessageContaining(why);
  }

  /** The decoder's fuzz target, seeded so a failure reproduces: no exception but Malformed, no hang. */
  @Test
  void randomAndTruncatedInputNeverEscapesAsAnythingButMalformed() throws Exception {
    Random random = new Random(0x5047e5);
    byte[] golden = golden();
    int decoded = 0;
    int refused = 0;
    for (int i = 0; i < 20_000; i++) {
      byte[] input = switch (i % 4) {
        case 0 -> Arrays.copyOf(golden, random.nextInt(golden.length + 1));
        case 1 -> {
          byte[] b = golden.clone();
          for (int k = 0, n = 1 + random.nextInt(8); k < n; k++) {
            b[random.nextInt(b.length)] = (byte) random.nextInt(256);
          }
          yield b;
        }
        case 2 -> {
          byte[] b = new byte[28 + random.nextInt(120)];
          random.nextBytes(b);
          ByteBuffer.wrap(b).order(ByteOrder.nativeOrder()).putInt(0, 16 + random.nextInt(b.length - 15))
              .putShort(4, (short) RouteCodec.RTM_NEWROUTE).put(16, random.nextBoolean() ? (byte) 2 : (byte) 10)
              .put(17, (byte) random.nextInt(40)).put(18, (byte) 0);
          yield b;
        }
        default -> {
          byte[] b = new byte[random.nextInt(64)];
          random.nextBytes(b);
          yield b;
        }
      };
      try {
        decoded += decodeDump(input).size();
      } catch (MalformedNetlinkException expected) {
        assertThat(expected.getMessage()).isNotBlank();
        refused++;
      }
    }
    assertThat(decoded).isPositive();
    assertThat(refused).isPositive();
  }

  private interface Attrs {
    void put(ByteBuffer attrs);
  }

  private static byte[] message(RtMsg rtm, Attrs attrs) {
    ByteBuffer body = ByteBuffer.allocate(4096).order(ByteOrder.nativeOrder());
    if (rtm != null) {
      rtm.encode(body);
    }
    attrs.put(body);
    body.flip();
    ByteBuffer out = ByteBuffer.allocate(16 + body.remaining()).order(ByteOrder.nativeOrder());
    new NlMsg(16 + body.remaining(), RouteCodec.RTM_NEWROUTE, 0, 1, 0).encode(out);
    out.put(body);
    return out.array();
  }
}

package dev.spindle.platform.network.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.platform.network.AddressMessage;
import dev.spindle.platform.network.Ifa;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The address codec: a real kernel dump (golden bytes), hand-built vectors, and seeded random and truncated input. */
class AddressCodecTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final long FOREVER = Ifa.INFINITE_LIFETIME;

  /** {@code address-dump.bin}, recorded by {@link GoldenCapture#captureAddresses} from Linux 6.18. */
  private static byte[] golden() throws Exception {
    try (InputStream in = AddressCodecTest.class.getResourceAsStream("address-dump.bin")) {
      return in.readAllBytes();
    }
  }

  private static List<AddressMessage> decodeDump(byte[] bytes) {
    return NlMsg.split(ByteBuffer.wrap(bytes)).stream().filter(m -> m.header().type() == AddressCodec.RTM_NEWADDR)
        .map(m -> AddressCodec.decode(m.payload())).toList();
  }

  private static byte[] ip(String literal) {
    return java.net.InetAddress.ofLiteral(literal).getAddress();
  }

  private static AddressMessage v4(int index, String local, int prefix, int flags, String label) {
    return AddressMessage.of(index, local, prefix).toBuilder().flags(flags).label(label).build();
  }

  @Test
  void aRealKernelDumpDecodes() throws Exception {
    var messages = NlMsg.split(ByteBuffer.wrap(golden()));
    assertThat(messages).extracting(m -> m.header().type())
        .containsExactly(20, 20, 20, 20, 20, 20, 20, 20, NlMsg.NLMSG_DONE);
    assertThat(messages).allSatisfy(m -> assertThat(m.header().flags() & NlMsg.NLM_F_MULTI).isNotZero());

    var addresses = decodeDump(golden());
    assertThat(addresses).containsExactly(
        v4(1, "127.0.0.1", 8, Ifa.F_PERMANENT, "lo").toBuilder().scope(Ifa.SCOPE_HOST).build(),
        v4(3, "10.1.0.1", 24, Ifa.F_PERMANENT, "v0:web").toBuilder().broadcast(ip("10.1.0.255")).build(),
        v4(3, "10.2.0.1", 16, 0, "v0").toBuilder().preferredLifetime(1800).validLifetime(3600).build(),
        v4(3, "10.3.0.1", 24, Ifa.F_PERMANENT, "v0").toBuilder().priority(50).build(),
        v4(3, "10.9.0.1", 32, Ifa.F_PERMANENT, "v0").toBuilder().address(ip("10.9.0.2")).build(),
        // listed after the primaries, as the kernel keeps them; IFA_F_SECONDARY is bit 0
        v4(3, "10.1.0.2", 24, Ifa.F_PERMANENT | Ifa.F_TEMPORARY, "v0"),
        AddressMessage.builder(Ifa.AF_INET6, 1).address(ip("::1")).prefixLength(128).scope(Ifa.SCOPE_HOST)
            .flags(Ifa.F_PERMANENT).build(),
        AddressMessage.builder(Ifa.AF_INET6, 3).address(ip("2001:db8::1")).prefixLength(64)
            .flags(Ifa.F_PERMANENT | Ifa.F_NODAD).build());
    assertThat(addresses.get(4).own()).isEqualTo(ip("10.9.0.1"));
  }

  @Test
  void requestsAreEncodedWithTheirFlagsAndAttributes() {
    AddressMessage a = AddressMessage.of(3, "10.0.0.5", 24);
    // nlmsghdr (len 40, RTM_NEWADDR, REQUEST|ACK|EXCL|CREATE, seq 7), ifaddrmsg (inet, /24, link 3), LOCAL, ADDRESS
    assertThat(HEX.formatHex(AddressCodec.addRequest(7, a))).isEqualTo(
        "28000000" + "1400" + "0506" + "07000000" + "00000000"
            + "02180000" + "03000000"
            + "0800" + "0200" + "0a000005"
            + "0800" + "0100" + "0a000005");
    // REQUEST|ACK|REPLACE|CREATE
    assertThat(HEX.formatHex(AddressCodec.replaceRequest(8, a)).substring(8, 16)).isEqualTo("14000505");
    // RTM_DELADDR, REQUEST|ACK
    assertThat(HEX.formatHex(AddressCodec.deleteRequest(9, a)).substring(8, 16)).isEqualTo("15000500");
    // the dump asks for every family
    assertThat(HEX.formatHex(AddressCodec.dumpRequest(10, 0))).isEqualTo(
        "18000000" + "1600" + "0103" + "0a000000" + "00000000" + "00000000" + "00000000");
  }

  @Test
  void flagsAboveEightBitsLifetimesLabelAndMetricAreSent() {
    AddressMessage a = AddressMessage.builder(Ifa.AF_INET6, 4).address(ip("fd00::1")).prefixLength(64)
        .flags(Ifa.F_NODAD | Ifa.F_NOPREFIXROUTE).preferredLifetime(100).validLifetime(200).priority(1024).build();
    byte[] request = AddressCodec.addRequest(1, a);
    String hex = HEX.formatHex(request);
    assertThat(hex.substring(32, 48)).as("ifaddrmsg: inet6, /64, low flag bits (NODAD), scope 0, link 4")
        .isEqualTo("0a400200" + "04000000");
    assertThat(hex).contains("1400" + "0100" + "fd000000000000000000000000000001") // IFA_ADDRESS
        .contains("0800" + "0800" + "02020000") // IFA_FLAGS = NODAD|NOPREFIXROUTE
        .contains("1400" + "0600" + "64000000" + "c8000000" + "00000000" + "00000000") // IFA_CACHEINFO
        .contains("0800" + "0900" + "00040000"); // IFA_RT_PRIORITY
    // a request decodes as a notification would: the codec reads what it writes
    var decoded = AddressCodec.decode(NlMsg.split(ByteBuffer.wrap(request)).getFirst().payload());
    assertThat(decoded).isEqualTo(a);

    AddressMessage labelled = AddressMessage.of(2, "192.168.1.1", 24).toBuilder().label("eth0:1")
        .broadcast(ip("192.168.1.255")).build();
    var back = AddressCodec.decode(NlMsg.split(ByteBuffer.wrap(AddressCodec.addRequest(2, labelled))).getFirst()
        .payload());
    assertThat(back).isEqualTo(labelled);
    assertThat(HEX.formatHex(AddressCodec.addRequest(2, labelled))).doesNotContain("08000800")
        .as("no IFA_CACHEINFO for infinite lifetimes").doesNotContain("14000600");
  }

  @Test
  void handBuiltAttributesDecodeWithUnknownsSkippedAndIfaFlagsWinning() {
    byte[] message = message(new IfAddrMsg(Ifa.AF_INET6, 64, 0x40, Ifa.SCOPE_LINK, 9), attrs -> {
      RtAttr.put(attrs, 0x7f, new byte[] {1, 2, 3}); // unknown, padded
      RtAttr.put(attrs, AddressCodec.IFA_ADDRESS, ip("fe80::1"));
      RtAttr.putU32(attrs, AddressCodec.IFA_FLAGS, Ifa.F_STABLE_PRIVACY | Ifa.F_TENTATIVE);
      RtAttr.put(attrs, AddressCodec.IFA_ANYCAST, ip("fe80::2"));
      RtAttr.put(attrs, AddressCodec.IFA_MULTICAST, ip("ff02::1"));
      RtAttr.put(attrs, 11, new byte[] {2}); // IFA_PROTO: skipped
    });
    assertThat(decodeDump(message)).containsExactly(AddressMessage.builder(Ifa.AF_INET6, 9)
        .address(ip("fe80::1")).prefixLength(64).scope(Ifa.SCOPE_LINK)
        .flags(Ifa.F_STABLE_PRIVACY | Ifa.F_TENTATIVE).anycast(ip("fe80::2")).multicast(ip("ff02::1")).build());
  }

  @Test
  void malformedInputIsRefusedClearly() {
    assertMalformed(message(new IfAddrMsg(7, 8, 0, 0, 1), a -> RtAttr.put(a, 1, new byte[4])),
        "address family 7 is neither inet nor inet6");
    assertMalformed(message(new IfAddrMsg(Ifa.AF_INET, 33, 0, 0, 1), a -> RtAttr.put(a, 1, new byte[4])),
        "prefix length 33 exceeds 32");
    assertMalformed(message(new IfAddrMsg(Ifa.AF_INET, 24, 0, 0, 1), a -> RtAttr.put(a, 2, new byte[16])),
        "attribute 2: 16 bytes, a 4-byte address expected");
    assertMalformed(message(new IfAddrMsg(Ifa.AF_INET, 24, 0, 0, 1), a -> {
      RtAttr.put(a, 2, new byte[4]);
      RtAttr.put(a, AddressCodec.IFA_CACHEINFO, new byte[8]);
    }), "ifa_cacheinfo (16) expected");
    assertMalformed(message(new IfAddrMsg(Ifa.AF_INET, 24, 0, 0, 1), a -> RtAttr.put(a, 3, new byte[0])),
        "neither IFA_ADDRESS nor IFA_LOCAL");
    assertMalformed(message(null, a -> a.put(new byte[5])), "ifaddrmsg truncated: 5 of 8 bytes");
    assertMalformed(message(new IfAddrMsg(Ifa.AF_INET, 24, 0, 0, 1), a -> a.putShort((short) 40).putShort((short) 1)),
        "length 40 outside 4..4");
  }

  private static void assertMalformed(byte[] message, String why) {
    assertThatThrownBy(() -> decodeDump(message)).isInstanceOf(MalformedNetlinkException.class)
        .hasMessageContaining(why);
  }

  /** The decoder's fuzz target, seeded so a failure reproduces: no exception but Malformed, no hang. */
  @Test
  void randomAndTruncatedInputNeverEscapesAsAnythingButMalformed() throws Exception {
    Random random = new Random(0xadd2e55);
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
          byte[] b = new byte[24 + random.nextInt(120)];
          random.nextBytes(b);
          ByteBuffer.wrap(b).order(ByteOrder.nativeOrder()).putInt(0, 16 + random.nextInt(b.length - 15))
              .putShort(4, (short) AddressCodec.RTM_NEWADDR).put(16, random.nextBoolean() ? (byte) 2 : (byte) 10);
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

  // --- building messages ---------------------------------------------------------------------------------------

  private interface Attrs {
    void put(ByteBuffer attrs);
  }

  private static byte[] message(IfAddrMsg ifa, Attrs attrs) {
    ByteBuffer body = ByteBuffer.allocate(4096).order(ByteOrder.nativeOrder());
    if (ifa != null) {
      ifa.encode(body);
    }
    attrs.put(body);
    body.flip();
    ByteBuffer out = ByteBuffer.allocate(16 + body.remaining()).order(ByteOrder.nativeOrder());
    new NlMsg(16 + body.remaining(), AddressCodec.RTM_NEWADDR, 0, 1, 0).encode(out);
    out.put(body);
    return out.array();
  }
}

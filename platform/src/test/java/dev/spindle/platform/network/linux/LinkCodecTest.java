package dev.spindle.platform.network.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.platform.network.Arphrd;
import dev.spindle.platform.network.BridgeInfo;
import dev.spindle.platform.network.IfOper;
import dev.spindle.platform.network.Iff;
import dev.spindle.platform.network.LinkMessage;
import dev.spindle.platform.network.VlanInfo;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The pure codecs: a real kernel dump (golden bytes), hand-built vectors, and random and truncated input. */
class LinkCodecTest {
  private static final HexFormat HEX = HexFormat.of();

  /** {@code veth-bridge-dump.bin}, recorded by {@link GoldenCapture} from Linux 6.18. */
  private static byte[] golden() throws Exception {
    try (InputStream in = LinkCodecTest.class.getResourceAsStream("veth-bridge-dump.bin")) {
      return in.readAllBytes();
    }
  }

  private static List<LinkMessage> decodeDump(byte[] bytes) {
    return NlMsg.split(ByteBuffer.wrap(bytes)).stream().filter(m -> m.header().type() == LinkCodec.RTM_NEWLINK)
        .map(m -> LinkCodec.decode(m.payload())).toList();
  }

  @Test
  void aRealKernelDumpDecodes() throws Exception {
    var messages = NlMsg.split(ByteBuffer.wrap(golden()));
    assertThat(messages).extracting(m -> m.header().type()).containsExactly(16, 16, 16, 16, NlMsg.NLMSG_DONE);
    assertThat(messages).allSatisfy(m -> {
      assertThat(m.header().seq()).isEqualTo(1);
      assertThat(m.header().flags() & NlMsg.NLM_F_MULTI).isNotZero();
    });
    assertThat(NlMsg.errorCode(messages.getLast().payload())).isZero();

    var links = decodeDump(golden());
    assertThat(links).extracting(LinkMessage::name).containsExactly("lo", "br0", "v1", "v0");
    byte[] broadcast = HEX.parseHex("ffffffffffff");

    assertThat(links.get(0)).isEqualTo(LinkMessage.builder(1, "lo").type(Arphrd.LOOPBACK).flags(Iff.LOOPBACK)
        .hardwareAddr(new byte[6]).broadcastAddr(new byte[6]).mtu(65536).qdisc("noop").operState(IfOper.DOWN)
        .build());
    assertThat(links.get(1)).isEqualTo(LinkMessage.builder(2, "br0").type(Arphrd.ETHER)
        .flags(Iff.UP | Iff.BROADCAST | Iff.MULTICAST).hardwareAddr(HEX.parseHex("020000000010"))
        .broadcastAddr(broadcast).mtu(1400).qdisc("noqueue").operState(IfOper.DOWN).kind("bridge")
        .info(new BridgeInfo(0, false)).build());
    assertThat(links.get(2)).isEqualTo(LinkMessage.builder(3, "v1").type(Arphrd.ETHER)
        .flags(Iff.BROADCAST | Iff.MULTICAST).hardwareAddr(HEX.parseHex("020000000002")).broadcastAddr(broadcast)
        .mtu(1500).qdisc("noop").operState(IfOper.DOWN).kind("veth").parentIndex(4).build());
    assertThat(links.get(3)).isEqualTo(LinkMessage.builder(4, "v0").type(Arphrd.ETHER)
        .flags(Iff.BROADCAST | Iff.MULTICAST).hardwareAddr(HEX.parseHex("020000000001")).broadcastAddr(broadcast)
        .mtu(1400).qdisc("noop").operState(IfOper.DOWN).kind("veth").parentIndex(3).masterIndex(2)
        .slaveKind("bridge").alias("uplink").altNames(List.of("spindle-veth0")).build());
  }

  @Test
  void handBuiltAttributesDecodeWithPaddingNestingAndUnknownsSkipped() {
    byte[] message = message(16, new IfInfoMsg(0, Arphrd.ETHER, 7, Iff.UP | Iff.LOWER_UP, 0xffffffff), attrs -> {
      RtAttr.put(attrs, 0x7ff, new byte[] {1, 2, 3}); // unknown, 3 bytes + 1 padding
      RtAttr.putString(attrs, LinkCodec.IFLA_IFNAME, "eth0");
      RtAttr.putU32(attrs, LinkCodec.IFLA_MTU, 9000);
      RtAttr.put(attrs, LinkCodec.IFLA_OPERSTATE, new byte[] {IfOper.UP});
      RtAttr.put(attrs, LinkCodec.IFLA_ADDRESS, HEX.parseHex("0a0b0c0d0e0f"));
      RtAttr.put(attrs, LinkCodec.IFLA_PERM_ADDRESS, HEX.parseHex("0a0b0c0d0e01"));
      RtAttr.put(attrs, LinkCodec.IFLA_IFALIAS, "no terminator".getBytes()); // strings need not end in NUL
      nested(attrs, LinkCodec.IFLA_LINKINFO | RtAttr.NLA_F_NESTED, inner -> {
        RtAttr.putString(inner, LinkCodec.IFLA_INFO_KIND, "vlan");
        nested(inner, LinkCodec.IFLA_INFO_DATA, data -> {
          RtAttr.putU16(data, LinkInfoCodec.IFLA_VLAN_ID, 25);
          RtAttr.put(data, 0x3ff, new byte[5]); // unknown inside the kind data: skipped
          RtAttr.putBe16(data, LinkInfoCodec.IFLA_VLAN_PROTOCOL, VlanInfo.P_8021AD);
        });
        RtAttr.putString(inner, LinkCodec.IFLA_INFO_SLAVE_KIND, "bond");
      });
      nested(attrs, LinkCodec.IFLA_PROP_LIST | RtAttr.NLA_F_NESTED, inner -> {
        RtAttr.putString(inner, LinkCodec.IFLA_ALT_IFNAME, "enp0s1");
        RtAttr.putString(inner, LinkCodec.IFLA_ALT_IFNAME, "a-much-longer-alternative-name");
      });
      RtAttr.putU32(attrs, LinkCodec.IFLA_LINK, 3);
      RtAttr.putU32(attrs, LinkCodec.IFLA_MASTER, 5);
      RtAttr.putString(attrs, LinkCodec.IFLA_QDISC, "fq_codel");
    });
    LinkMessage link = decodeDump(message).getFirst();
    assertThat(link).isEqualTo(LinkMessage.builder(7, "eth0").type(Arphrd.ETHER).flags(Iff.UP | Iff.LOWER_UP)
        .mtu(9000).operState(IfOper.UP).hardwareAddr(HEX.parseHex("0a0b0c0d0e0f"))
        .permanentAddr(HEX.parseHex("0a0b0c0d0e01")).alias("no terminator").kind("vlan").slaveKind("bond")
        .altNames(List.of("enp0s1", "a-much-longer-alternative-name")).parentIndex(3).masterIndex(5)
        .qdisc("fq_codel").info(new VlanInfo(25, VlanInfo.P_8021AD)).build());
  }

  @Test
  void requestsAreEncodedAsIproute2EncodesThem() {
    // nlmsghdr (len 40, RTM_GETLINK, REQUEST|DUMP, seq 7, pid 0), ifinfomsg (AF_UNSPEC), IFLA_EXT_MASK = SKIP_STATS
    assertThat(HEX.formatHex(LinkCodec.dumpRequest(7))).isEqualTo(
        "28000000" + "1200" + "0103" + "07000000" + "00000000"
            + "00000000" + "00000000" + "00000000" + "00000000"
            + "0800" + "1d00" + "08000000");
    // IFLA_IFNAME "eth0\0" (length 9, padded to 12)
    assertThat(HEX.formatHex(LinkCodec.getRequest(8, "eth0"))).isEqualTo(
        "34000000" + "1200" + "0100" + "08000000" + "00000000"
            + "00000000" + "00000000" + "00000000" + "00000000"
            + "0900" + "0300" + "6574683000000000"
            + "0800" + "1d00" + "08000000");
    // a name of 16 bytes or more can only be an alternative name
    byte[] alt = LinkCodec.getRequest(9, "sixteen-bytes-xx");
    assertThat(ByteBuffer.wrap(alt).order(ByteOrder.LITTLE_ENDIAN).getShort(34)).isEqualTo((short) 53);
  }

  @Test
  void errorsCarryTheNegativeErrno() {
    ByteBuffer error = ByteBuffer.allocate(36).order(ByteOrder.nativeOrder());
    new NlMsg(36, NlMsg.NLMSG_ERROR, 0, 3, 0).encode(error);
    error.putInt(-19);
    new NlMsg(16, LinkCodec.RTM_GETLINK, 1, 3, 0).encode(error);
    var m = NlMsg.split(error.flip()).getFirst();
    assertThat(NlMsg.errorCode(m.payload())).isEqualTo(-19);
  }

  @Test
  void malformedInputIsRefusedClearly() throws Exception {
    byte[] golden = golden();
    assertThatThrownBy(() -> NlMsg.split(ByteBuffer.wrap(golden, 0, 1000)))
        .isInstanceOf(MalformedNetlinkException.class).hasMessageContaining("length 1100 outside 16..1000");
    assertThatThrownBy(() -> NlMsg.split(ByteBuffer.wrap(new byte[7])))
        .isInstanceOf(MalformedNetlinkException.class).hasMessageContaining("header truncated");
    byte[] badMtu = message(16, new IfInfoMsg(0, 1, 1, 0, 0), a -> {
      RtAttr.putString(a, LinkCodec.IFLA_IFNAME, "x");
      RtAttr.put(a, LinkCodec.IFLA_MTU, new byte[] {1, 2});
    });
    assertThatThrownBy(() -> decodeDump(badMtu)).isInstanceOf(MalformedNetlinkException.class)
        .hasMessageContaining("attribute 4: 2 bytes, u32 expected");
    byte[] nameless = message(16, new IfInfoMsg(0, 1, 9, 0, 0), a -> RtAttr.putU32(a, LinkCodec.IFLA_MTU, 1500));
    assertThatThrownBy(() -> decodeDump(nameless)).isInstanceOf(MalformedNetlinkException.class)
        .hasMessageContaining("no IFLA_IFNAME");
    byte[] attrTooLong = message(16, new IfInfoMsg(0, 1, 9, 0, 0), a -> a.putShort((short) 200).putShort((short) 3));
    assertThatThrownBy(() -> decodeDump(attrTooLong)).isInstanceOf(MalformedNetlinkException.class)
        .hasMessageContaining("length 200 outside 4..4");
    byte[] shortIfi = message(16, null, a -> a.put(new byte[8]));
    assertThatThrownBy(() -> decodeDump(shortIfi)).isInstanceOf(MalformedNetlinkException.class)
        .hasMessageContaining("ifinfomsg truncated");
  }

  @Test
  void randomAndTruncatedInputNeverEscapesAsAnythingButMalformed() throws Exception {
    Random random = new Random(0x5b1d1e);
    byte[] golden = golden();
    int decoded = 0;
    for (int i = 0; i < 10_000; i++) {
      byte[] input = switch (i % 4) {
        case 0 -> java.util.Arrays.copyOf(golden, random.nextInt(golden.length + 1)); // truncated
        case 1 -> { // flipped bytes in a real message
          byte[] b = golden.clone();
          for (int k = 0, n = 1 + random.nextInt(8); k < n; k++) {
            b[random.nextInt(b.length)] = (byte) random.nextInt(256);
          }
          yield b;
        }
        case 2 -> { // garbage after a valid header
          byte[] b = new byte[16 + random.nextInt(200)];
          random.nextBytes(b);
          ByteBuffer.wrap(b).order(ByteOrder.nativeOrder()).putInt(0, 16 + random.nextInt(b.length - 15))
              .putShort(4, (short) LinkCodec.RTM_NEWLINK);
          yield b;
        }
        default -> { // pure noise
          byte[] b = new byte[random.nextInt(64)];
          random.nextBytes(b);
          yield b;
        }
      };
      try {
        decoded += decodeDump(input).size();
      } catch (MalformedNetlinkException expected) {
        assertThat(expected.getMessage()).isNotBlank();
      }
    }
    assertThat(decoded).isPositive(); // the mutations leave some messages whole
  }

  // --- building messages ---------------------------------------------------------------------------------------

  private interface Attrs {
    void put(ByteBuffer attrs);
  }

  private static void nested(ByteBuffer out, int type, Attrs inner) {
    ByteBuffer b = ByteBuffer.allocate(4096).order(ByteOrder.nativeOrder());
    inner.put(b);
    byte[] value = new byte[b.flip().remaining()];
    b.get(value);
    RtAttr.put(out, type, value);
  }

  private static byte[] message(int type, IfInfoMsg ifi, Attrs attrs) {
    ByteBuffer body = ByteBuffer.allocate(4096).order(ByteOrder.nativeOrder());
    if (ifi != null) {
      ifi.encode(body);
    }
    attrs.put(body);
    body.flip();
    ByteBuffer out = ByteBuffer.allocate(16 + body.remaining()).order(ByteOrder.nativeOrder());
    new NlMsg(16 + body.remaining(), type, 0, 1, 0).encode(out);
    out.put(body);
    return out.array();
  }
}

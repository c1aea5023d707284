package dev.spindle.platform.network.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The generic netlink framing and the controller's family lookup, against vectors built by hand from
 * {@code linux/genetlink.h} (little-endian host, as CI's x86-64).
 */
class GenlCodecTest {
  private static final HexFormat HEX = HexFormat.of();

  static byte[] hex(String... lines) {
    return HEX.parseHex(String.join("", lines).replaceAll("\\s+", ""));
  }

  /**
   * CTRL_CMD_GETFAMILY "wireguard", seq 1: after the nlmsghdr, byte for byte what {@code wg show} (wireguard-tools
   * v1.0.20210914) sends, seen with strace; {@code wg} also sets NLM_F_ACK, which a request answered anyway needs not.
   */
  static final byte[] GET_WIREGUARD = hex(
      "24000000 1000 0100 01000000 00000000", // nlmsghdr: len 36, type GENL_ID_CTRL, NLM_F_REQUEST, seq 1, pid 0
      "03 01 0000",                           // genlmsghdr: CTRL_CMD_GETFAMILY, version 1
      "0e00 0200 776972656775617264 00 0000"); // CTRL_ATTR_FAMILY_NAME "wireguard\0" (14 bytes) + 2 padding

  /** The controller's answer (payload after the nlmsghdr): family "wireguard", id 0x15, version 1, one op. */
  static final byte[] WIREGUARD_FAMILY = hex(
      "01 02 0000",                            // genlmsghdr: CTRL_CMD_NEWFAMILY, version 2
      "0e00 0200 776972656775617264 00 0000",  // CTRL_ATTR_FAMILY_NAME "wireguard\0"
      "0600 0100 1500 0000",                   // CTRL_ATTR_FAMILY_ID u16 0x15 + 2 padding
      "0800 0300 01000000",                    // CTRL_ATTR_VERSION 1
      "0800 0400 00000000",                    // CTRL_ATTR_HDRSIZE 0
      "0800 0500 08000000",                    // CTRL_ATTR_MAXATTR 8 (WGDEVICE_A_PEERS)
      "1800 0680",                             // CTRL_ATTR_OPS, nested (24 bytes)
      "  1400 0180",                           //   op 1, nested (20 bytes)
      "    0800 0100 00000000",                //     CTRL_ATTR_OP_ID 0 (WG_CMD_GET_DEVICE): skipped
      "    0800 0200 0c000000");               //     CTRL_ATTR_OP_FLAGS

  /** An answer with a multicast group, as the ethtool family's: "monitor" = 5. */
  static final byte[] ETHTOOL_FAMILY = hex(
      "01 02 0000",
      "0c00 0200 657468746f6f6c00",            // CTRL_ATTR_FAMILY_NAME "ethtool\0" (12 bytes)
      "0600 0100 1400 0000",                   // CTRL_ATTR_FAMILY_ID 0x14
      "0800 0300 01000000",                    // CTRL_ATTR_VERSION 1
      "1c00 0780",                             // CTRL_ATTR_MCAST_GROUPS, nested (28 bytes)
      "  1800 0180",                           //   group 1, nested (24 bytes)
      "    0c00 0100 6d6f6e69746f7200",        //     CTRL_ATTR_MCAST_GRP_NAME "monitor\0"
      "    0800 0200 05000000");               //     CTRL_ATTR_MCAST_GRP_ID 5

  @Test
  void getFamilyRequestIsTheDocumentedBytes() {
    assertThat(HEX.formatHex(GenlCodec.getFamilyRequest(1, "wireguard"))).isEqualTo(HEX.formatHex(GET_WIREGUARD));
  }

  @Test
  void aFamilyAnswerDecodesAndSkipsOperations() {
    assertThat(GenlCodec.decodeFamily(ByteBuffer.wrap(WIREGUARD_FAMILY)))
        .isEqualTo(new GenlFamily("wireguard", 0x15, 1, 8, Map.of()));
    assertThat(GenlCodec.decodeFamily(ByteBuffer.wrap(ETHTOOL_FAMILY)))
        .isEqualTo(new GenlFamily("ethtool", 0x14, 1, 0, Map.of("monitor", 5)));
  }

  @Test
  void requestFramesHeaderGenlHeaderAndAttributes() {
    byte[] request = GenlCodec.request(0x15, NlMsg.NLM_F_REQUEST | NlMsg.NLM_F_ACK, 9, 1, 1, hex("0800 0200 77673000"));
    assertThat(HEX.formatHex(request)).isEqualTo(HEX.formatHex(hex(
        "1c000000 1500 0500 09000000 00000000", // len 28, type 0x15, REQUEST|ACK, seq 9
        "01 01 0000",
        "0800 0200 77673000")));
    var message = GenlCodec.decode(ByteBuffer.wrap(request, NlMsg.SIZE, request.length - NlMsg.SIZE).slice());
    assertThat(message.header()).isEqualTo(new GenlMsgHdr(1, 1));
    assertThat(RtAttr.parse(message.attributes())).singleElement()
        .satisfies(a -> assertThat(a.string()).isEqualTo("wg0"));
  }

  @Test
  void badFamilyNamesAreRefusedBeforeSending() {
    assertThatThrownBy(() -> GenlCodec.getFamilyRequest(1, "")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> GenlCodec.getFamilyRequest(1, "sixteen-chars-xx"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1..15");
  }

  @Test
  void answersWithoutNameOrIdOrOfAnotherCommandAreMalformed() {
    assertThatThrownBy(() -> GenlCodec.decodeFamily(ByteBuffer.wrap(hex("01 02 0000", "0800 0300 01000000"))))
        .isInstanceOf(MalformedNetlinkException.class).hasMessageContaining("CTRL_ATTR_FAMILY_NAME");
    assertThatThrownBy(() -> GenlCodec.decodeFamily(ByteBuffer.wrap(hex("01 02 0000", "0800 0200 6e6c00 00"))))
        .isInstanceOf(MalformedNetlinkException.class).hasMessageContaining("CTRL_ATTR_FAMILY_ID");
    assertThatThrownBy(() -> GenlCodec.decodeFamily(ByteBuffer.wrap(hex("03 02 0000"))))
        .isInstanceOf(MalformedNetlinkException.class).hasMessageContaining("command 3");
    assertThatThrownBy(() -> GenlCodec.decodeFamily(ByteBuffer.wrap(hex("01 02"))))
        .isInstanceOf(MalformedNetlinkException.class).hasMessageContaining("genlmsghdr truncated");
  }

  @Test
  void randomAndTruncatedInputNeverEscapesAsAnythingButMalformed() {
    Random random = new Random(0x6e6c);
    for (int i = 0; i < 20_000; i++) {
      byte[] b = switch (i % 3) {
        case 0 -> java.util.Arrays.copyOf(ETHTOOL_FAMILY, random.nextInt(ETHTOOL_FAMILY.length + 1));
        case 1 -> {
          byte[] c = WIREGUARD_FAMILY.clone();
          for (int k = 0, n = 1 + random.nextInt(6); k < n; k++) {
            c[random.nextInt(c.length)] = (byte) random.nextInt(256);
          }
          yield c;
        }
        default -> {
          byte[] c = new byte[random.nextInt(80)];
          random.nextBytes(c);
          yield c;
        }
      };
      try {
        GenlCodec.decodeFamily(ByteBuffer.wrap(b));
      } catch (MalformedNetlinkException expected) {
        // the one way to refuse bytes
      }
    }
  }
}

package dev.spindle.platform.network.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.platform.network.Ifa;
import dev.spindle.platform.network.RuleMessage;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The rule codec: a real kernel dump (golden bytes), request bytes, and random and truncated input. */
class RuleCodecTest {
  private static final HexFormat HEX = HexFormat.of();

  /** {@code rule-dump.bin}, recorded by {@link GoldenCapture#captureRules} from Linux 6.18. */
  private static byte[] golden() throws Exception {
    try (InputStream in = RuleCodecTest.class.getResourceAsStream("rule-dump.bin")) {
      return in.readAllBytes();
    }
  }

  private static List<RuleMessage> decodeDump(byte[] bytes) {
    return NlMsg.split(ByteBuffer.wrap(bytes)).stream().filter(m -> m.header().type() == RuleCodec.RTM_NEWRULE)
        .map(m -> RuleCodec.decode(m.payload())).toList();
  }

  @Test
  void aRealKernelDumpDecodes() throws Exception {
    var messages = NlMsg.split(ByteBuffer.wrap(golden()));
    assertThat(messages.getLast().header().type()).isEqualTo(NlMsg.NLMSG_DONE);
    var rules = decodeDump(golden());
    assertThat(rules).extracting(r -> r.family() + "/" + r.priority())
        .containsExactly("2/0", "2/100", "2/200", "2/300", "2/400", "2/500", "2/32766", "2/32767", "10/0", "10/600",
            "10/32766");
    assertThat(rules.get(0)).isEqualTo(RuleMessage.lookup(Ifa.AF_INET, 0, 255).toBuilder().protocol(2).build());
    assertThat(rules.get(1)).isEqualTo(RuleMessage.from("10.1.0.0", 16, 100, 100));
    assertThat(rules.get(2)).isEqualTo(RuleMessage.lookup(Ifa.AF_INET, 200, 200).toBuilder().fwmark(0x10)
        .fwmask(0xff).protocol(4).build());
    assertThat(rules.get(3)).as("table 1000 only fits FRA_TABLE").isEqualTo(RuleMessage.lookup(Ifa.AF_INET, 300, 1000)
        .toBuilder().iifName("lo").oifName("v0").build());
    assertThat(rules.get(4)).isEqualTo(RuleMessage.builder(Ifa.AF_INET).priority(400).action(RuleMessage.PROHIBIT)
        .dst(HEX.parseHex("c0000200")).dstLength(24).tos(0x10).flags(RuleMessage.F_INVERT).build());
    assertThat(rules.get(5).fwmask()).as("a mark without a mask gets the full one").isEqualTo(0xffffffff);
    assertThat(rules.get(9)).isEqualTo(RuleMessage.from("2001:db8::", 32, 600, 100));
  }

  @Test
  void addAndDeleteRequestsAreEncodedAsIproute2EncodesThem() {
    // ip rule add from 10.1.0.0/16 lookup 100 pref 100
    assertThat(HEX.formatHex(RuleCodec.addRequest(3, RuleMessage.from("10.1.0.0", 16, 100, 100)))).isEqualTo(
        "34000000" + "2000" + "0506" + "03000000" + "00000000" // RTM_NEWRULE, REQUEST|ACK|EXCL|CREATE
            + "02001000" + "64000001" + "00000000" // fib_rule_hdr: inet, src_len 16, table 100, to-table
            + "08000200" + "0a010000" // FRA_SRC
            + "08000600" + "64000000" // FRA_PRIORITY 100
            + "08000f00" + "64000000"); // FRA_TABLE 100
    // ip rule del table 1000 fwmark 0x10/0xff iif lo: no priority, header table RT_TABLE_UNSPEC
    RuleMessage del = RuleMessage.builder(Ifa.AF_INET).table(1000).fwmark(0x10).fwmask(0xff).iifName("lo").build();
    assertThat(HEX.formatHex(RuleCodec.deleteRequest(4, del))).isEqualTo(
        "3c000000" + "2100" + "0500" + "04000000" + "00000000"
            + "02000000" + "00000001" + "00000000"
            + "07000300" + "6c6f0000" // FRA_IIFNAME "lo"
            + "08000a00" + "10000000" // FRA_FWMARK
            + "08001000" + "ff000000" // FRA_FWMASK
            + "08000f00" + "e8030000"); // FRA_TABLE 1000
    assertThat(HEX.formatHex(RuleCodec.dumpRequest(5))).isEqualTo(
        "1c000000" + "2200" + "0103" + "05000000" + "00000000" + "00".repeat(12));
  }

  @Test
  void malformedInputIsRefusedClearly() {
    assertThatThrownBy(() -> decodeDump(rule(new FibRuleHdr(7, 0, 0, 0, 0, 1, 0), b -> { })))
        .isInstanceOf(MalformedNetlinkException.class).hasMessageContaining("rule family 7");
    assertThatThrownBy(() -> decodeDump(rule(new FibRuleHdr(2, 33, 0, 0, 0, 1, 0), b -> { })))
        .isInstanceOf(MalformedNetlinkException.class).hasMessageContaining("prefix length 33 exceeds 32");
    assertThatThrownBy(() -> decodeDump(rule(new FibRuleHdr(10, 0, 8, 0, 0, 1, 0),
        b -> RtAttr.put(b, RuleCodec.FRA_SRC, new byte[4])))).isInstanceOf(MalformedNetlinkException.class)
        .hasMessageContaining("4 bytes, a 16-byte address expected");
    assertThatThrownBy(() -> decodeDump(rule(new FibRuleHdr(2, 0, 0, 0, 0, 1, 0),
        b -> RtAttr.put(b, RuleCodec.FRA_PRIORITY, new byte[2])))).isInstanceOf(MalformedNetlinkException.class)
        .hasMessageContaining("u32 expected");
    assertThatThrownBy(() -> RuleCodec.decode(ByteBuffer.wrap(new byte[11])))
        .isInstanceOf(MalformedNetlinkException.class).hasMessageContaining("fib_rule_hdr truncated");
  }

  @Test
  void randomAndTruncatedInputNeverEscapesAsAnythingButMalformed() throws Exception {
    Random random = new Random(0x2017e);
    byte[] golden = golden();
    int decoded = 0;
    for (int i = 0; i < 10_000; i++) {
      byte[] input = switch (i % 3) {
        case 0 -> java.util.Arrays.copyOf(golden, random.nextInt(golden.length + 1));
        case 1 -> {
          byte[] b = golden.clone();
          for (int k = 0, n = 1 + random.nextInt(8); k < n; k++) {
            b[random.nextInt(b.length)] = (byte) random.nextInt(256);
          }
          yield b;
        }
        default -> rule(new FibRuleHdr(random.nextBoolean() ? 2 : 10, random.nextInt(140), random.nextInt(140),
            random.nextInt(256), random.nextInt(256), random.nextInt(256), random.nextInt()), b -> {
              for (int k = 0, n = random.nextInt(10); k < n; k++) {
                byte[] value = new byte[random.nextInt(20)];
                random.nextBytes(value);
                RtAttr.put(b, random.nextInt(24), value);
              }
            });
      };
      try {
        decoded += decodeDump(input).size();
      } catch (MalformedNetlinkException expected) {
        assertThat(expected.getMessage()).isNotBlank();
      }
    }
    assertThat(decoded).isPositive();
  }

  private static byte[] rule(FibRuleHdr header, java.util.function.Consumer<ByteBuffer> attrs) {
    ByteBuffer body = ByteBuffer.allocate(4096).order(ByteOrder.nativeOrder());
    header.encode(body);
    attrs.accept(body);
    body.flip();
    ByteBuffer out = ByteBuffer.allocate(NlMsg.SIZE + body.remaining()).order(ByteOrder.nativeOrder());
    new NlMsg(NlMsg.SIZE + body.remaining(), RuleCodec.RTM_NEWRULE, 0, 1, 0).encode(out);
    out.put(body);
    return out.array();
  }
}

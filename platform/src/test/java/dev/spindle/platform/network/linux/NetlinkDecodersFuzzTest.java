package dev.spindle.platform.network.linux;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.spindle.platform.wireguard.linux.WgCodec;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzz targets (Jazzer), one per netlink decoder: whatever the bytes, a decoder returns or throws
 * {@link MalformedNetlinkException}; any other exception, or a run past the timeout (a hang), fails the target.
 *
 * <p>In a normal build ({@code mvn verify}) each target runs once per seed of its corpus,
 * {@code src/test/resources/dev/spindle/platform/network/linux/NetlinkDecodersFuzzTestInputs/<target>/} (messages
 * from the kernel dumps the golden tests use, and any crash Jazzer found and saved there), in well under a second.
 * {@code JAZZER_FUZZ=1} turns one target into a real fuzzing session; see the README. The {@link Timeout} catches
 * a seed that hangs; a session is one long invocation, so it runs with
 * {@code -Djunit.jupiter.execution.timeout.mode=disabled}.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class NetlinkDecodersFuzzTest {
  private static ByteBuffer bytes(FuzzedDataProvider data) {
    return ByteBuffer.wrap(data.consumeRemainingAsBytes()).order(ByteOrder.nativeOrder());
  }

  /** A datagram split into messages, each {@code NLMSG_ERROR} read for its errno. */
  @FuzzTest(maxDuration = "60s")
  void nlMsgSplit(FuzzedDataProvider data) {
    try {
      for (NlMsg.Message m : NlMsg.split(bytes(data))) {
        if (m.header().type() == NlMsg.NLMSG_ERROR) {
          NlMsg.errorCode(m.payload());
        }
      }
    } catch (MalformedNetlinkException expected) {
      // the one way to refuse bytes
    }
  }

  /** Attributes, walked as far down as they nest, each read with every typed accessor. */
  @FuzzTest(maxDuration = "60s")
  void rtAttrParse(FuzzedDataProvider data) {
    try {
      walk(RtAttr.parse(bytes(data)), 0);
    } catch (MalformedNetlinkException expected) {
      // the one way to refuse bytes
    }
  }

  private static void walk(List<RtAttr> attrs, int depth) {
    for (RtAttr attr : attrs) {
      for (Runnable read : List.<Runnable>of(attr::u32, attr::u8, attr::string, attr::bytes, () -> attr.address(6))) {
        try {
          read.run();
        } catch (MalformedNetlinkException expected) {
          // a value of another size than the accessor reads
        }
      }
      if (depth < 8) {
        try {
          walk(attr.nested(), depth + 1);
        } catch (MalformedNetlinkException expected) {
          // not a nested attribute
        }
      }
    }
  }

  /** An {@code RTM_NEWLINK} payload. */
  @FuzzTest(maxDuration = "60s")
  void linkDecode(FuzzedDataProvider data) {
    try {
      LinkCodec.decode(bytes(data));
    } catch (MalformedNetlinkException expected) {
      // the one way to refuse bytes
    }
  }

  /** An {@code RTM_NEWADDR} payload. */
  @FuzzTest(maxDuration = "60s")
  void addressDecode(FuzzedDataProvider data) {
    try {
      AddressCodec.decode(bytes(data));
    } catch (MalformedNetlinkException expected) {
      // the one way to refuse bytes
    }
  }

  /** An {@code RTM_NEWROUTE} payload. */
  @FuzzTest(maxDuration = "60s")
  void routeDecode(FuzzedDataProvider data) {
    try {
      RouteCodec.decode(bytes(data));
    } catch (MalformedNetlinkException expected) {
      // the one way to refuse bytes
    }
  }

  /** A controller {@code CTRL_CMD_NEWFAMILY} payload (after the nlmsghdr). */
  @FuzzTest(maxDuration = "60s")
  void genlFamilyDecode(FuzzedDataProvider data) {
    try {
      GenlCodec.decodeFamily(bytes(data));
    } catch (MalformedNetlinkException expected) {
      // the one way to refuse bytes
    }
  }

  /**
   * A {@code WG_CMD_GET_DEVICE} answer as one datagram: every generic netlink message in it (type 16 and up) is one
   * part of the device, coalesced as the dump's parts are.
   */
  @FuzzTest(maxDuration = "60s")
  void wgDeviceDecode(FuzzedDataProvider data) {
    try {
      List<ByteBuffer> parts = new java.util.ArrayList<>();
      for (NlMsg.Message m : NlMsg.split(bytes(data))) {
        if (m.header().type() >= GenlCodec.GENL_ID_CTRL) {
          parts.add(GenlCodec.decode(m.payload()).attributes());
        }
      }
      WgCodec.decodeDevice("wg0", parts);
    } catch (MalformedNetlinkException expected) {
      // the one way to refuse bytes
    }
  }
}

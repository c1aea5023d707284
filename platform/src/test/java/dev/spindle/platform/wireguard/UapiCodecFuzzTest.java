package dev.spindle.platform.wireguard;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzz targets (Jazzer) for what {@link UapiCodec} reads from a socket: whatever the text, a get
 * answer or a set answer decodes or is a {@link WireguardException}, an endpoint parses or is an
 * {@link IllegalArgumentException}; any other exception, or a hang, fails the target. Every build runs the seeds in
 * {@code UapiCodecFuzzTestInputs/<target>/}; {@code JAZZER_FUZZ=1} fuzzes one target (see
 * {@code NetlinkDecodersFuzzTest}).
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class UapiCodecFuzzTest {
  @FuzzTest(maxDuration = "60s")
  void decodeGet(FuzzedDataProvider data) {
    try {
      UapiCodec.decodeGet("wg0", data.consumeRemainingAsString());
    } catch (WireguardException expected) {
      // the one way to refuse an answer
    }
  }

  @FuzzTest(maxDuration = "60s")
  void checkSetAnswer(FuzzedDataProvider data) {
    try {
      UapiCodec.checkSetAnswer("wg0", data.consumeRemainingAsString());
    } catch (WireguardException expected) {
      // the one way to refuse an answer
    }
  }

  @FuzzTest(maxDuration = "60s")
  void parseEndpoint(FuzzedDataProvider data) {
    try {
      UapiCodec.parseEndpoint(data.consumeRemainingAsString());
    } catch (IllegalArgumentException expected) {
      // not an ip:port literal
    }
  }
}

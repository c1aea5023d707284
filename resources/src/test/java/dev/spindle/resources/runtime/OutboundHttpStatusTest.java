package dev.spindle.resources.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.runtime.codec.ResourceYaml;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutboundHttpStatusTest {
  @Test
  void aDirectClientPrintsOnlyItsCounters() {
    assertThat(ResourceYaml.encodeSpec(new OutboundHttpStatus("", "", List.of(), 0, 0, "")))
        .isEqualTo("bundleCertificates: 0\ngeneration: 0\n");
  }

  @Test
  void proxiesNoProxyAndErrorsArePrintedAndRoundTrip() {
    var status = new OutboundHttpStatus("", "http://alice:xxxxx@proxy.corp:3128", List.of(".corp", "10.0.0.0/8"), 2, 3,
        "environment variable https_proxy=\"socks5://p:1\": proxy scheme socks5 is not supported");
    String yaml = ResourceYaml.encodeSpec(status);
    assertThat(yaml).startsWith("httpsProxy: http://alice:xxxxx@proxy.corp:3128\nnoProxy:\n    - .corp\n");
    assertThat(ResourceYaml.decodeSpec(yaml, OutboundHttpStatus.class)).isEqualTo(status);
  }
}

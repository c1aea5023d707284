package dev.spindle.controllers.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.resources.network.DnsProtocol;
import dev.spindle.resources.network.IpAddr;
import dev.spindle.resources.network.NameServerSpec;
import dev.spindle.resources.network.ResolverStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ResolvConfTest {
  private static ResolverStatus status(List<String> search, String... servers) {
    var specs = new ArrayList<NameServerSpec>();
    for (String s : servers) {
      boolean dot = s.endsWith("/dot");
      var addr = IpAddr.parse(dot ? s.substring(0, s.length() - 4) : s);
      specs.add(dot ? new NameServerSpec(addr, DnsProtocol.DOT, "dns.example") : NameServerSpec.of(addr));
    }
    return new ResolverStatus(specs.stream().map(NameServerSpec::addr).toList(), specs, search);
  }

  static Stream<Arguments> vectors() {
    return Stream.of(
        // §4.3: DoT dropped, then at most three
        Arguments.of(status(List.of(), "1.1.1.1", "2.2.2.2", "3.3.3.3/dot", "4.4.4.4", "5.5.5.5"),
            "nameserver 1.1.1.1\nnameserver 2.2.2.2\nnameserver 4.4.4.4\n", List.of("5.5.5.5")),
        Arguments.of(status(List.of("foo.example.com"), "127.0.0.53"),
            "nameserver 127.0.0.53\n\nsearch foo.example.com\n", List.of()),
        Arguments.of(status(List.of(), "1.1.1.1", "8.8.8.8"), "nameserver 1.1.1.1\nnameserver 8.8.8.8\n", List.of()),
        Arguments.of(status(List.of("a.example", "b.example"), "2001:4860:4860::8888"),
            "nameserver 2001:4860:4860::8888\n\nsearch a.example b.example\n", List.of()),
        Arguments.of(status(List.of("only.search")), "\nsearch only.search\n", List.of()),
        Arguments.of(status(List.of(), "9.9.9.9/dot"), "", List.of()),
        Arguments.of(status(List.of(), "1.0.0.1", "1.0.0.2", "1.0.0.3", "1.0.0.4", "1.0.0.5"),
            "nameserver 1.0.0.1\nnameserver 1.0.0.2\nnameserver 1.0.0.3\n", List.of("1.0.0.4", "1.0.0.5")),
        // a status with only the flat list (no protocols): every server is plain DNS
        Arguments.of(new ResolverStatus(List.of(IpAddr.parse("10.0.0.1")), List.of(), List.of()),
            "nameserver 10.0.0.1\n", List.of()));
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void rendersAsTalos(ResolverStatus status, String expected, List<String> dropped) {
    assertThat(ResolvConf.render(status)).isEqualTo(expected);
    assertThat(ResolvConf.dropped(status)).extracting(IpAddr::toString).isEqualTo(dropped);
  }
}

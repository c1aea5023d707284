package dev.spindle.controllers.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Go's httpproxy.FromEnvironment semantics, one row per rule: environment (;-separated), URL, proxy or DIRECT. */
class ProxyRulesTest {
  @ParameterizedTest(name = "[{0}] {1} -> {2}")
  @CsvSource(delimiter = '|', value = {
      // which variable for which scheme; upper case wins; empty values are skipped
      "HTTPS_PROXY=http://p:3128                          | https://example.com/      | http://p:3128",
      "HTTPS_PROXY=http://p:3128                          | http://example.com/       | DIRECT",
      "HTTP_PROXY=http://p:3128                           | http://example.com/       | http://p:3128",
      "HTTP_PROXY=http://p:3128                           | https://example.com/      | DIRECT",
      "https_proxy=http://low:1                           | https://example.com/      | http://low:1",
      "HTTPS_PROXY=http://up:1;https_proxy=http://low:1   | https://example.com/      | http://up:1",
      "HTTPS_PROXY=;https_proxy=http://low:1              | https://example.com/      | http://low:1",
      "HTTPS_PROXY=http://p:1                             | ftp://example.com/        | DIRECT",
      // scheme and port defaults
      "HTTPS_PROXY=proxy.corp:3128                        | https://example.com/      | http://proxy.corp:3128",
      "HTTPS_PROXY=http://proxy.corp                      | https://example.com/      | http://proxy.corp:80",
      "HTTPS_PROXY=PROXY.Corp:8080                        | https://example.com/      | http://proxy.corp:8080",
      "HTTPS_PROXY=http://[fd00::1]:3128                  | https://example.com/      | http://[fd00::1]:3128",
      // credentials are used but redacted when printed
      "HTTPS_PROXY=http://user:s3cret@p:3128              | https://example.com/      | http://user:xxxxx@p:3128",
      "HTTPS_PROXY=http://user@p:3128                     | https://example.com/      | http://user@p:3128",
      // localhost is never proxied; loopback addresses are (Spindle's deliberate difference to Go)
      "HTTPS_PROXY=http://p:1                             | https://localhost:8443/   | DIRECT",
      "HTTPS_PROXY=http://p:1                             | https://LOCALHOST/        | DIRECT",
      "HTTPS_PROXY=http://p:1                             | https://127.0.0.1:8443/   | http://p:1",
      "HTTPS_PROXY=http://p:1                             | https://[::1]:8443/       | http://p:1",
      "HTTPS_PROXY=http://p:1;NO_PROXY=127.0.0.1,::1      | https://[::1]:8443/       | DIRECT",
      // no_proxy: upper case wins, * matches everything
      "HTTPS_PROXY=http://p:1;NO_PROXY=*                  | https://example.com/      | DIRECT",
      "HTTPS_PROXY=http://p:1;no_proxy=example.com        | https://example.com/      | DIRECT",
      "HTTPS_PROXY=http://p:1;NO_PROXY=other.org;no_proxy=example.com | https://example.com/ | http://p:1",
      // domains: bare matches host and subdomains, leading dot or *. only subdomains; case-insensitive
      "HTTPS_PROXY=http://p:1;NO_PROXY=example.com        | https://api.example.com/  | DIRECT",
      "HTTPS_PROXY=http://p:1;NO_PROXY=example.com        | https://notexample.com/   | http://p:1",
      "HTTPS_PROXY=http://p:1;NO_PROXY=.example.com       | https://example.com/      | http://p:1",
      "HTTPS_PROXY=http://p:1;NO_PROXY=.example.com       | https://a.b.example.com/  | DIRECT",
      "HTTPS_PROXY=http://p:1;NO_PROXY=*.example.com      | https://example.com/      | http://p:1",
      "HTTPS_PROXY=http://p:1;NO_PROXY=*.example.com      | https://x.example.com/    | DIRECT",
      "HTTPS_PROXY=http://p:1;NO_PROXY=Example.COM        | https://API.example.com/  | DIRECT",
      // lists: commas, spaces around entries trimmed; a space inside is one entry, as in Go
      "'HTTPS_PROXY=http://p:1;NO_PROXY= a.org , example.com ' | https://example.com/ | DIRECT",
      "HTTPS_PROXY=http://p:1;NO_PROXY=a.org example.com  | https://example.com/      | http://p:1",
      "HTTPS_PROXY=http://p:1;NO_PROXY=,,example.com,     | https://example.com/      | DIRECT",
      // host:port entries match only that port (default ports by scheme)
      "HTTPS_PROXY=http://p:1;NO_PROXY=example.com:443    | https://example.com/      | DIRECT",
      "HTTPS_PROXY=http://p:1;NO_PROXY=example.com:8443   | https://example.com/      | http://p:1",
      "HTTPS_PROXY=http://p:1;NO_PROXY=example.com:8443   | https://example.com:8443/ | DIRECT",
      "HTTP_PROXY=http://p:1;NO_PROXY=example.com:80      | http://example.com/       | DIRECT",
      // IP literals, with ports, IPv6 in brackets
      "HTTPS_PROXY=http://p:1;NO_PROXY=10.1.2.3           | https://10.1.2.3:8443/    | DIRECT",
      "HTTPS_PROXY=http://p:1;NO_PROXY=10.1.2.3           | https://10.1.2.4/         | http://p:1",
      "HTTPS_PROXY=http://p:1;NO_PROXY=10.1.2.3:8443      | https://10.1.2.3:8443/    | DIRECT",
      "HTTPS_PROXY=http://p:1;NO_PROXY=10.1.2.3:8443      | https://10.1.2.3/         | http://p:1",
      "HTTPS_PROXY=http://p:1;NO_PROXY=fd00::5            | https://[fd00::5]/        | DIRECT",
      "HTTPS_PROXY=http://p:1;NO_PROXY=[fd00::5]:443      | https://[fd00::5]/        | DIRECT",
      "HTTPS_PROXY=http://p:1;NO_PROXY=[fd00::5]:8443     | https://[fd00::5]/        | http://p:1",
      "HTTPS_PROXY=http://p:1;NO_PROXY=[fd00::5]          | https://[fd00:0::5]/      | DIRECT",
      // an IP entry never matches a name (nothing is resolved)
      "HTTPS_PROXY=http://p:1;NO_PROXY=10.1.2.3           | https://host.lan/         | http://p:1",
      // CIDRs, IPv4 and IPv6, any port
      "HTTPS_PROXY=http://p:1;NO_PROXY=10.0.0.0/8         | https://10.200.3.4:9/     | DIRECT",
      "HTTPS_PROXY=http://p:1;NO_PROXY=10.0.0.0/8         | https://11.0.0.1/         | http://p:1",
      "HTTPS_PROXY=http://p:1;NO_PROXY=192.168.1.0/25     | https://192.168.1.127/    | DIRECT",
      "HTTPS_PROXY=http://p:1;NO_PROXY=192.168.1.0/25     | https://192.168.1.128/    | http://p:1",
      "HTTPS_PROXY=http://p:1;NO_PROXY=fd00::/8           | https://[fdab::1]/        | DIRECT",
      "HTTPS_PROXY=http://p:1;NO_PROXY=fd00::/8           | https://[fe80::1]/        | http://p:1",
      "HTTPS_PROXY=http://p:1;NO_PROXY=10.0.0.0/8         | https://[::ffff:a00:1]/   | DIRECT",
      // entries Go ignores
      "HTTPS_PROXY=http://p:1;NO_PROXY=:443               | https://example.com/      | http://p:1",
  })
  void proxyFor(String environment, String url, String expected) {
    ProxyRules rules = ProxyRules.fromEnvironment(Arrays.asList(environment.split(";")));
    assertThat(rules.proxyFor(URI.create(url)).map(ProxyUrl::redacted).orElse("DIRECT")).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "HTTPS_PROXY=socks5://p:1080  | environment variable HTTPS_PROXY=\"socks5://p:1080\": proxy scheme socks5 is not supported (only http://, which also tunnels https with CONNECT)",
      "https_proxy=https://p:3129   | environment variable https_proxy=\"https://p:3129\": proxy scheme https is not supported (only http://, which also tunnels https with CONNECT)",
      "HTTP_PROXY=http://           | environment variable HTTP_PROXY=\"http://\": not a URL (Expected authority)",
      "HTTP_PROXY=http://p:3128/x   | environment variable HTTP_PROXY=\"http://p:3128/x\": a proxy URL has no path",
      "HTTP_PROXY=http://p:port     | environment variable HTTP_PROXY=\"http://p:port\": no proxy host",
      "HTTP_PROXY=http://u:pw@ p:1  | environment variable HTTP_PROXY=\"http://u:xxxxx@ p:1\": not a URL (Illegal character in authority)",
  })
  void badProxiesAreLocatedErrorsThatNeverShowThePassword(String environment, String message) {
    assertThatThrownBy(() -> ProxyRules.fromEnvironment(List.of(environment)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage(message).hasMessageNotContaining("pw@");
  }

  @org.junit.jupiter.api.Test
  void credentialsAreDecodedForUseButNeverPrinted() {
    ProxyRules rules = ProxyRules.fromEnvironment(List.of("HTTPS_PROXY=http://us%40er:p%3Ass@p:3128"));
    ProxyUrl proxy = rules.httpsProxy().orElseThrow();
    assertThat(proxy.username()).isEqualTo("us@er");
    assertThat(proxy.password()).isEqualTo("p:ss");
    assertThat(proxy).hasToString("http://us@er:xxxxx@p:3128");
    assertThat(rules.toString()).doesNotContain("p:ss").doesNotContain("p%3Ass");
  }
}

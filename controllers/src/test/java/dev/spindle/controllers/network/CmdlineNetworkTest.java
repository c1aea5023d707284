package dev.spindle.controllers.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.controllers.network.CmdlineNetwork.LinkConfig;
import dev.spindle.resources.network.IpAddr;
import dev.spindle.resources.network.IpPrefix;
import dev.spindle.resources.network.LinkFlag;
import dev.spindle.resources.network.LinkFlags;
import dev.spindle.resources.network.LinkStatus;
import dev.spindle.resources.network.LinkType;
import dev.spindle.runtime.resource.Resource;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The vectors of Talos's {@code cmdline_test.go} that do not involve {@code bond=}/{@code vlan=}, and more. */
class CmdlineNetworkTest {
  /** As in Talos's test: eth31 and eth32 answer to enxa and enxb; plus lo and eth0, the first non-loopback link. */
  static final LinkResolver LINKS = LinkResolver.of(List.of(
      link("lo", LinkStatus.builder().type(LinkType.LOOPBACK).flags(LinkFlags.of(LinkFlag.LOOPBACK))),
      link("eth31", LinkStatus.builder().type(LinkType.ETHER).altNames(List.of("enxa"))),
      link("eth32", LinkStatus.builder().type(LinkType.ETHER).altNames(List.of("enxb"))),
      link("eth0", LinkStatus.builder().type(LinkType.ETHER))));

  private static Resource<LinkStatus> link(String name, LinkStatus.Builder builder) {
    return Resource.of(LinkStatus.DEFINITION, name, builder.build());
  }

  private static List<IpAddr> ips(String... s) {
    return Stream.of(s).map(IpAddr::parse).toList();
  }

  private static LinkConfig staticLink(String name, String prefix, String gateway) {
    return new LinkConfig(name, Optional.of(IpPrefix.parse(prefix)),
        Optional.ofNullable(gateway).map(IpAddr::parse), false);
  }

  private static CmdlineNetwork net(List<LinkConfig> links, String hostname, List<IpAddr> dns, List<IpAddr> ntp) {
    return new CmdlineNetwork(links, hostname, dns, ntp, List.of(), Optional.empty());
  }

  static Stream<Arguments> vectors() {
    return Stream.of(
        Arguments.of("", CmdlineNetwork.EMPTY),
        Arguments.of("ip=172.20.0.2::172.20.0.1:255.255.255.0::eth1:::::",
            net(List.of(staticLink("eth1", "172.20.0.2/24", "172.20.0.1")), "", List.of(), List.of())),
        Arguments.of("ip=172.20.0.2::172.20.0.1",
            net(List.of(staticLink("eth0", "172.20.0.2/32", "172.20.0.1")), "", List.of(), List.of())),
        Arguments.of("ip=172.20.0.2:172.21.0.1:172.20.0.1:255.255.255.0:master1:eth1::10.0.0.1:10.0.0.2:10.0.0.1",
            net(List.of(staticLink("eth1", "172.20.0.2/24", "172.20.0.1")), "master1", ips("10.0.0.1", "10.0.0.2"),
                ips("10.0.0.1"))),
        Arguments.of("ip=10.105.155.21::10.105.155.30:255.255.255.240:pve1:eth0:off",
            net(List.of(staticLink("eth0", "10.105.155.21/28", "10.105.155.30")), "pve1", List.of(), List.of())),
        Arguments.of("ip=[2001:db8::a]:[2001:db8::b]:[fe80::1]::master1:eth1::[2001:4860:4860::6464]:"
                + "[2001:4860:4860::64]:[2001:4860:4806::]",
            net(List.of(staticLink("eth1", "2001:db8::a/128", "fe80::1")), "master1",
                ips("2001:4860:4860::6464", "2001:4860:4860::64"), ips("2001:4860:4806::"))),
        Arguments.of("ip=[2a03:1:2::12]::[2a03:1:2::11]:[ffff:ffff:ffff:ffff:ffff:ffff:ffff:fff8]:master:eth0:off:"
                + "[2001:4860:4860::8888]:[2606:4700::1111]:[2606:4700:f1::1]",
            net(List.of(staticLink("eth0", "2a03:1:2::12/125", "2a03:1:2::11")), "master",
                ips("2001:4860:4860::8888", "2606:4700::1111"), ips("2606:4700:f1::1"))),
        Arguments.of("ip=[2a03:1:2::12]::[2a03:1:2::11]:125:master:eth0:off:"
                + "[2001:4860:4860::8888]:[2606:4700::1111]:[2606:4700:f1::1]",
            net(List.of(staticLink("eth0", "2a03:1:2::12/125", "2a03:1:2::11")), "master",
                ips("2001:4860:4860::8888", "2606:4700::1111"), ips("2606:4700:f1::1"))),
        Arguments.of("ip=::::master1:eth1 talos.hostname=master2",
            net(List.of(new LinkConfig("eth1", Optional.empty(), Optional.empty(), false)), "master2", List.of(),
                List.of())),
        Arguments.of("talos.hostname=master2", net(List.of(), "master2", List.of(), List.of())),
        Arguments.of("talos.network.interface.ignore=eth2 talos.network.interface.ignore=eth3 "
                + "talos.network.interface.ignore=enxa",
            new CmdlineNetwork(List.of(), "", List.of(), List.of(), List.of("eth2", "eth3", "eth31"),
                Optional.empty())),
        Arguments.of("ip=172.20.0.2::172.20.0.1:255.255.255.0::eth1::::: ip=eth3:dhcp ip=:::::eth4:dhcp::::",
            net(List.of(staticLink("eth1", "172.20.0.2/24", "172.20.0.1"),
                new LinkConfig("eth3", Optional.empty(), Optional.empty(), true),
                new LinkConfig("eth4", Optional.empty(), Optional.empty(), true)), "", List.of(), List.of())),
        // beyond Talos's table
        Arguments.of("ip=dhcp", CmdlineNetwork.EMPTY),
        Arguments.of("ip=enxb:dhcp",
            net(List.of(new LinkConfig("eth32", Optional.empty(), Optional.empty(), true)), "", List.of(), List.of())),
        Arguments.of("ip=10.0.0.5:::24::enxa",
            net(List.of(staticLink("eth31", "10.0.0.5/24", null)), "", List.of(), List.of())),
        Arguments.of("ip=10.0.0.5::::first:eth0 ip=10.0.0.6::::second:eth1",
            net(List.of(staticLink("eth0", "10.0.0.5/32", null), staticLink("eth1", "10.0.0.6/32", null)), "first",
                List.of(), List.of())),
        Arguments.of("ip=:::::eth1::9.9.9.9",
            net(List.of(new LinkConfig("eth1", Optional.empty(), Optional.empty(), false)), "", ips("9.9.9.9"),
                List.of())),
        Arguments.of("ip=10.0.0.5:::+24",
            net(List.of(staticLink("eth0", "10.0.0.5/24", null)), "", List.of(), List.of())),
        Arguments.of("ip=10.0.0.5:::0",
            net(List.of(staticLink("eth0", "10.0.0.5/0", null)), "", List.of(), List.of())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void parsesAsTalos(String cmdline, CmdlineNetwork expected) throws Exception {
    assertThat(CmdlineNetwork.parse(cmdline, LINKS)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "ip=xyz: | cmdline address parse failure: ParseAddr(\"xyz\"): unable to parse IP",
      "ip=10.0.0.300 | cmdline address parse failure: ParseAddr(\"10.0.0.300\"): IPv4 field has value >255",
      "ip=10.0.0.1::gw | cmdline gateway parse failure: ParseAddr(\"gw\"): unable to parse IP",
      "ip=10.0.0.1:::255.255.x.0 | cmdline netmask parse failure: ParseAddr(\"255.255.x.0\"): "
          + "unexpected character (at \"x.0\")",
      "ip=10.0.0.1:::33 | cmdline netmask parse failure: prefix length 33 is out of range for 10.0.0.1",
      "ip=10.0.0.1:::-1 | cmdline netmask parse failure: prefix length -1 is out of range for 10.0.0.1",
      "ip=10.0.0.1:::4294967320 | cmdline netmask parse failure: prefix length 4294967320 is out of range for 10.0.0.1",
      "ip=10.0.0.1:::99999999999999999999 | cmdline netmask parse failure: ParseAddr(\"99999999999999999999\"): "
          + "unable to parse IP",
      "ip=10.0.0.1:::255.0.255.0 | cmdline netmask parse failure: 255.0.255.0 is not a contiguous netmask",
      "ip=:::::eth0::dns1 | error parsing DNS IP: ParseAddr(\"dns1\"): unable to parse IP",
      "ip=:::::eth0::1.1.1.1:1.1.1 | error parsing DNS IP: ParseAddr(\"1.1.1\"): IPv4 address too short",
      "ip=:::::eth0::::ntp.example | error parsing NTP IP: ParseAddr(\"ntp.example\"): "
          + "unexpected character (at \"ntp.example\")",
      "ip=[fe80::1%eth0] | cmdline address parse failure: ParseAddr(\"fe80::1%eth0\"): IPv6 zones are not supported",
  })
  void badValuesFailWithTalosMessages(String cmdline, String message) {
    assertThatThrownBy(() -> CmdlineNetwork.parse(cmdline, LINKS))
        .isInstanceOf(CmdlineNetworkException.class).hasMessage(message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "-", value = {
      "'' | -",
      "net.ifnames=0 | false",
      "net.ifnames=1 | true",
      "net.ifnames=off | false",
      "net.ifnames=YES | true",
      "net.ifnames | true",
      "net.ifnames=0 net.ifnames=1 | true",
      "net.ifnames=maybe | -",
  })
  void netIfnamesIsReadAsSystemdReadsIt(String cmdline, Boolean expected) throws Exception {
    assertThat(CmdlineNetwork.parse(cmdline, LINKS).predictableNames()).isEqualTo(Optional.ofNullable(expected));
  }

  @Test
  void withoutLinksAnIpWithoutDeviceNamesNoLinkAndNamesStayAsWritten() throws Exception {
    var parsed = CmdlineNetwork.parse("ip=10.0.0.5 talos.network.interface.ignore=enxa", LinkResolver.EMPTY);
    assertThat(parsed.linkConfigs()).containsExactly(staticLink("", "10.0.0.5/32", null));
    assertThat(parsed.ignoreInterfaces()).containsExactly("enxa");
  }

  @Test
  void bracketsProtectColonsAndAreStripped() {
    assertThat(CmdlineNetwork.splitIp("[2001:db8::a]::[fe80::1]")).containsExactly("2001:db8::a", "", "fe80::1");
    assertThat(CmdlineNetwork.splitIp("a:b:")).containsExactly("a", "b", "");
  }

  @Test
  void aLinksOwnNameWinsOverAnotherLinksAlias() {
    var links = LinkResolver.of(List.of(
        link("eth0", LinkStatus.builder().type(LinkType.ETHER).altNames(List.of("eth1"))),
        link("eth1", LinkStatus.builder().type(LinkType.ETHER))));
    assertThat(links.resolve("eth1")).isEqualTo("eth1");
    assertThat(links.resolve("unknown")).isEqualTo("unknown");
  }
}

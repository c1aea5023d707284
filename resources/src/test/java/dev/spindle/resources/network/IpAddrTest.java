package dev.spindle.resources.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IpAddrTest {
  @Test
  void ipv6PrintsInGosCompressedForm() {
    assertThat(IpAddr.parse("2001:0DB8:0000:0000:0000:0000:0000:0001")).hasToString("2001:db8::1");
    assertThat(IpAddr.parse("2001:db8:0:0:1:0:0:1")).as("first of equal runs").hasToString("2001:db8::1:0:0:1");
    assertThat(IpAddr.parse("2001:db8:0:1:1:1:1:1")).as("a single zero group stays").hasToString("2001:db8:0:1:1:1:1:1");
    assertThat(IpAddr.parse("::")).hasToString("::");
    assertThat(IpAddr.parse("fe80::")).hasToString("fe80::");
    assertThat(IpAddr.parse("2001:470:6d:30e:8ed2:b60c:9d2f:803b")).hasToString("2001:470:6d:30e:8ed2:b60c:9d2f:803b");
  }

  @Test
  void anIpv4MappedAddressStaysIpv6() {
    var mapped = IpAddr.parse("::ffff:10.0.0.1");
    assertThat(mapped.isV4()).isFalse();
    assertThat(mapped).hasToString("::ffff:10.0.0.1").isNotEqualTo(IpAddr.parse("10.0.0.1"));
  }

  @Test
  void prefixesKeepHostBitsAndCheckTheirLength() {
    assertThat(IpPrefix.parse("10.0.0.5/24")).hasToString("10.0.0.5/24");
    assertThat(IpPrefix.parse("2001:db8::/64").bits()).isEqualTo(64);
    assertThatThrownBy(() -> IpPrefix.parse("10.0.0.0/33")).hasMessageContaining("33");
    assertThatThrownBy(() -> IpPrefix.parse("10.0.0.0")).hasMessageContaining("no '/'");
    assertThatThrownBy(() -> IpAddr.parse("example.com")).hasMessageContaining("example.com");
  }
}

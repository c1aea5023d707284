package dev.spindle.resources.cel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What the link selector environment accepts and refuses at compile time, with CEL's located messages. */
class LinkLocatorTest {
  @ParameterizedTest
  @ValueSource(strings = {
      "mac(link.permanent_addr) == \"00:1a:2b:3c:4d:5e\"",
      "glob(\"00:1a:2b:*\", mac(link.permanent_addr))",
      "link.driver == \"e1000\"",
      "link.type == 1",
      "link.mtu == 1500u",
      "link.speed_megabits >= 10000",
      "link.pciid.startsWith(\"8086:\") && link.link_state",
      "\"ext0\" in link.alt_names",
      "link.bond_master.mode == 0 || link.vlan.vid == 10u",
      "size(link.hardware_addr) == 6 && !link.bus_path.matches(\"^0000:00\")",
      "has(link.bond_master) && link.alt_names.exists(n, n.startsWith(\"enx\"))",
      "true"})
  void compiles(String expression) throws Exception {
    assertThat(LinkLocator.compile(expression).text()).isEqualTo(expression);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      link.nope == "x"                       | 1:5: undefined field 'nope'
      link.mtu == 1500                       | 1:10: found no matching overload for '_==_' applied to '(uint, int)'
      nolink.driver == "x"                   | 1:1: undeclared reference to 'nolink'
      glob(link.driver)                      | 1:5: found no matching overload for 'glob' applied to '(string)'
      mac(link.driver) == ""                 | 1:4: found no matching overload for 'mac' applied to '(string)'
      link.driver ==                         | 1:15: mismatched input '<EOF>'
      link.driver                            | expression output type is string, expected bool
      link.mtu + 1u                          | expression output type is uint, expected bool
      """)
  void refusesWithALocatedReason(String expression, String reason) {
    assertThatThrownBy(() -> LinkLocator.compile(expression))
        .isInstanceOf(InvalidCelExpressionException.class)
        .hasMessageContaining(reason);
  }
}

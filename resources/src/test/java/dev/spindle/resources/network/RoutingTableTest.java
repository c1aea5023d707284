package dev.spindle.resources.network;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoutingTableTest {
  @Test
  void printsNamesDecimalsAndUnnamedValuesAsTalos() {
    assertThat(RoutingTable.UNSPEC.text()).isEqualTo("unspec");
    assertThat(RoutingTable.of(123).text()).isEqualTo("123");
    assertThat(RoutingTable.of(252).text()).isEqualTo("252");
    assertThat(RoutingTable.DEFAULT.text()).isEqualTo("default");
    assertThat(RoutingTable.MAIN.text()).isEqualTo("main");
    assertThat(RoutingTable.LOCAL.text()).isEqualTo("local");
    assertThat(RoutingTable.of(1000).text()).isEqualTo("RoutingTable(1000)");
  }

  @Test
  void everyPrintedFormReadsBack() {
    for (int n : new int[] {0, 1, 123, 253, 254, 255, 256, 1000}) {
      assertThat(RoutingTable.parse(RoutingTable.of(n).text())).isEqualTo(RoutingTable.of(n));
    }
    assertThat(RoutingTable.parse("Main")).isEqualTo(RoutingTable.MAIN);
  }
}

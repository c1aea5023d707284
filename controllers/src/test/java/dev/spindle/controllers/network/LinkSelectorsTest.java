package dev.spindle.controllers.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.resources.cel.LinkLocator;
import dev.spindle.resources.network.BondMasterSpec;
import dev.spindle.resources.network.BondMode;
import dev.spindle.resources.network.HardwareAddr;
import dev.spindle.resources.network.LinkStatus;
import dev.spindle.resources.network.LinkType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CEL link selectors evaluated over fixture links: Talos's variables, functions and types. */
class LinkSelectorsTest {
  private static final Map<String, LinkStatus> LINKS = Map.of(
      "intel", LinkStatus.builder().type(LinkType.ETHER).index(2).mtu(1500).driver("e1000e")
          .hardwareAddr(HardwareAddr.parse("00:1a:2b:33:44:55")).permanentAddr(HardwareAddr.parse("00:1a:2b:33:44:55"))
          .busPath("0000:00:1f.6").pciId("8086:15BC").speedMbit(1000).linkState(true)
          .altNames(List.of("enx001a2b334455")).build(),
      "mellanox", LinkStatus.builder().type(LinkType.ETHER).index(5).mtu(9000).driver("mlx5_core")
          .hardwareAddr(HardwareAddr.parse("0c:42:a1:00:00:01")).busPath("0000:3b:00.0").pciId("15B3:1017")
          .speedMbit(25000).build(),
      "bond", LinkStatus.builder().type(LinkType.ETHER).kind("bond").mtu(1500)
          .hardwareAddr(HardwareAddr.parse("00:1a:2b:33:44:55"))
          .bondMaster(new BondMasterSpec(BondMode.ACTIVE_BACKUP, null, null, null, null, null, null, null, null,
              0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, false, 0, 0, 0, List.of(), List.of(), null, 0, "")).build(),
      "empty", LinkStatus.builder().build());

  private final LinkSelectors selectors = new LinkSelectors();

  @ParameterizedTest(name = "{0} on {1} → {2}")
  @CsvSource(delimiter = '|', textBlock = """
      mac(link.permanent_addr) == "00:1a:2b:33:44:55"       | intel    | true
      mac(link.permanent_addr) == "00:1a:2b:33:44:55"       | mellanox | false
      mac(link.permanent_addr) == ""                        | mellanox | true
      glob("00:1a:2b:*", mac(link.permanent_addr))          | intel    | true
      glob("00:1a:2b:*", mac(link.hardware_addr))           | bond     | true
      glob("0c:42:*", mac(link.permanent_addr))             | mellanox | false
      glob("0c:42:*", mac(link.hardware_addr))              | mellanox | true
      link.driver == "e1000e"                               | intel    | true
      link.driver == "e1000"                                | intel    | false
      glob("mlx5*", link.driver)                            | mellanox | true
      link.type == 1                                        | intel    | true
      link.type == 1                                        | empty    | false
      link.type == 0                                        | empty    | true
      link.kind == "" && link.type == 1                     | bond     | false
      link.kind == "bond" && link.bond_master.mode == 1     | bond     | true
      link.bond_master.mode == 0                            | intel    | true
      link.mtu == 9000u                                     | mellanox | true
      link.mtu > 1500u                                      | intel    | false
      link.speed_megabits >= 10000                          | mellanox | true
      link.speed_megabits >= 10000                          | intel    | false
      link.pciid.startsWith("8086:")                        | intel    | true
      glob("0000:3b:*", link.bus_path)                      | mellanox | true
      link.link_state                                       | intel    | true
      link.link_state                                       | mellanox | false
      "enx001a2b334455" in link.alt_names                   | intel    | true
      size(link.alt_names) == 0                             | mellanox | true
      link.index == 5u                                      | mellanox | true
      size(link.hardware_addr) == 6                         | intel    | true
      size(link.permanent_addr) == 0                        | empty    | true
      has(link.bond_master)                                 | bond     | true
      has(link.bond_master)                                 | intel    | false
      link.vlan.vid == 0u                                   | intel    | true
      link.driver.matches("^mlx[0-9]_")                     | mellanox | true
      """)
  void evaluatesOverTheLink(String expression, String link, boolean expected) throws Exception {
    assertThat(selectors.matches(LinkLocator.compile(expression), LINKS.get(link))).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      link.alt_names[3] == "x"       | Index out of bounds
      int(link.driver) == 1          | e1000e
      """)
  void aRuntimeErrorIsAnExceptionWithCelsMessage(String expression, String message) throws Exception {
    var compiled = LinkLocator.compile(expression);
    assertThatThrownBy(() -> selectors.matches(compiled, LINKS.get("intel")))
        .isInstanceOf(LinkSelectors.LinkSelectorException.class)
        .hasMessageContaining(message);
  }
}

package dev.spindle.controllers.network;

import static dev.spindle.controllers.network.Links.ether;
import static dev.spindle.controllers.network.Links.link;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spindle.resources.config.DeviceSelector;
import dev.spindle.resources.network.HardwareAddr;
import dev.spindle.resources.network.LinkStatus;
import dev.spindle.resources.network.LinkType;
import dev.spindle.runtime.resource.Resource;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeviceSelectorsTest {
  /** Talos's TestSelectors links: eth0 physical with a driver, eth1 of type 0 (not physical) without. */
  private static final List<Resource<LinkStatus>> TALOS_LINKS = List.of(
      link("eth1", LinkStatus.builder().type(LinkType.NETROM).busPath("0000:01:01.0")),
      link("eth0", ether().driver("thedriver").busPath("0000:01:00.0")));

  private static final LinkStatus NIC = ether().driver("virtio_net").busPath("0000:00:03.0").pciId("1AF4:1000")
      .hardwareAddr(HardwareAddr.parse("52:54:00:12:34:56"))
      .permanentAddr(HardwareAddr.parse("52:54:00:12:34:56")).build();

  @Test
  void talosSelectorVectors() {
    assertThat(DeviceSelectors.select(DeviceSelector.ofDriver("thedriver"), TALOS_LINKS)).containsExactly("eth0");
    assertThat(DeviceSelectors.select(DeviceSelector.ofDriver("no-match"), TALOS_LINKS)).isEmpty();
    assertThat(DeviceSelectors.select(DeviceSelector.ofBusPath("0000:01*"), TALOS_LINKS))
        .as("in id order").containsExactly("eth0", "eth1");
    assertThat(DeviceSelectors.select(DeviceSelector.ofPhysical(true), TALOS_LINKS)).containsExactly("eth0");
    assertThat(DeviceSelectors.select(DeviceSelector.ofPhysical(false), TALOS_LINKS)).containsExactly("eth1");
  }

  @Test
  void everySetFieldMustMatch() {
    assertThat(DeviceSelectors.matches(new DeviceSelector("0000:00:03.0", "52:54:00:*", "*:56", "1AF4:*",
        "virtio*", true), NIC)).isTrue();
    assertThat(DeviceSelectors.matches(new DeviceSelector("0000:00:03.0", "", "", "", "e1000", null), NIC))
        .as("bus path matches, driver does not").isFalse();
    assertThat(DeviceSelectors.matches(new DeviceSelector("", "", "", "", "virtio*", false), NIC))
        .as("driver matches, physical does not").isFalse();
    assertThat(DeviceSelectors.matches(new DeviceSelector("", "52:54:00:12:34:57", "", "", "", null), NIC)).isFalse();
    assertThat(DeviceSelectors.matches(new DeviceSelector("", "", "", "1af4:*", "", null), NIC))
        .as("the PCI id glob is case-sensitive").isFalse();
  }

  @Test
  void addressesMatchInLowerCaseColonForm() {
    assertThat(DeviceSelectors.matches(new DeviceSelector("", "52:54:00:12:34:56", "", "", "", null), NIC)).isTrue();
    assertThat(DeviceSelectors.matches(new DeviceSelector("", "", "52:54:00:12:34:5*", "", "", null), NIC)).isTrue();
    assertThat(DeviceSelectors.matches(new DeviceSelector("", "", "52:54:00:12:34:5*", "", "", null),
        ether().build())).as("a link without a permanent address").isFalse();
  }

  @Test
  void anEmptySelectorMatchesNothing() {
    assertThat(DeviceSelectors.select(new DeviceSelector(null, null, null, null, null, null), TALOS_LINKS)).isEmpty();
  }

  @Test
  void aVirtualLinkIsNotPhysical() {
    LinkStatus bridge = ether().kind("bridge").build();
    assertThat(DeviceSelectors.matches(DeviceSelector.ofPhysical(true), bridge)).isFalse();
    assertThat(DeviceSelectors.matches(DeviceSelector.ofPhysical(false), bridge)).isTrue();
  }
}

package dev.spindle.controllers.network;

import static dev.spindle.controllers.network.Devices.device;
import static dev.spindle.controllers.network.MachineConfigs.cmdline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.spindle.platform.network.AddressMessage;
import dev.spindle.platform.network.Errno;
import dev.spindle.platform.network.FakeRtnetlink;
import dev.spindle.platform.network.Ifa;
import dev.spindle.platform.network.NetlinkException;
import dev.spindle.resources.ConfigLayer;
import dev.spindle.resources.network.AddressSpec;
import dev.spindle.resources.network.DeviceConfigSpec;
import dev.spindle.resources.network.IpAddr;
import dev.spindle.resources.network.IpPrefix;
import dev.spindle.resources.network.Namespaces;
import dev.spindle.resources.network.Scope;
import dev.spindle.runtime.testing.ControllerHarness;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Config → merge → spec over the fake kernel: what the configuration asks for appears on the links, and stays. */
class AddressSpecControllerTest {
  private final FakeRtnetlink kernel = FakeRtnetlink.simulatedNode();

  @RegisterExtension
  final ControllerHarness h = ControllerHarness.with(new AddressConfigController(), AddressMerge.controller(),
      new AddressSpecController(kernel));

  private void configure(String id, String entry) {
    h.create(DeviceConfigSpec.DEFINITION, id, new DeviceConfigSpec(device(entry)));
  }

  private List<String> kernelAddresses(String link) throws NetlinkException {
    int index = kernel.link(link).index();
    return kernel.addresses().stream().filter(a -> a.index() == index)
        .map(a -> new IpAddr(a.own()) + "/" + a.prefixLength()).toList();
  }

  private void awaitKernel(String link, String address, boolean present) {
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      if (present) {
        assertThat(kernelAddresses(link)).contains(address);
      } else {
        assertThat(kernelAddresses(link)).doesNotContain(address);
      }
    });
  }

  @Test
  void aConfiguredAddressAppearsInTheKernelAndItsSpecIsHeld() throws Exception {
    configure("eth1/000", """
        {"interface": "eth1", "addresses": ["10.0.0.5/24", "fd00::5/64"]}""");
    awaitKernel("eth1", "10.0.0.5/24", true);
    awaitKernel("eth1", "fd00::5/64", true);
    var spec = h.awaitResource(AddressSpec.DEFINITION, "eth1/10.0.0.5/24", r -> assertThat(r.metadata().finalizers())
        .contains("network.AddressSpecController"));
    assertThat(spec.spec().layer()).isEqualTo(ConfigLayer.CONFIGURATION);
    AddressMessage added = kernel.addresses().stream()
        .filter(a -> AddressMessage.text(a.own()).equals("10.0.0.5")).findFirst().orElseThrow();
    assertThat(added.hasFlags(Ifa.F_PERMANENT)).isTrue();
    assertThat(AddressMessage.text(added.broadcast())).isEqualTo("10.0.0.255");
    // the loopback default is satisfied by the address the kernel already has
    h.awaitSpec(AddressSpec.DEFINITION, "lo/127.0.0.1/8", s -> assertThat(s.scope()).isEqualTo(Scope.HOST));
    assertThat(kernelAddresses("lo")).containsOnlyOnce("127.0.0.1/8");
  }

  @Test
  void anAddressDeletedBehindItIsRestored() throws Exception {
    configure("eth1/000", """
        {"interface": "eth1", "cidr": "10.0.0.5/24"}""");
    awaitKernel("eth1", "10.0.0.5/24", true);
    // succeeds only if the address is there; what is there afterwards was added again
    kernel.deleteAddress(AddressMessage.of(3, "10.0.0.5", 24));
    awaitKernel("eth1", "10.0.0.5/24", true);
  }

  @Test
  void anAddressDeletedWhileEventsWereLostIsRestoredByTheResync() throws Exception {
    configure("eth1/000", """
        {"interface": "eth1", "addresses": ["10.0.0.5/24"]}""");
    awaitKernel("eth1", "10.0.0.5/24", true);
    kernel.overrun(() -> kernel.deleteAddress(AddressMessage.of(3, "10.0.0.5", 24)));
    awaitKernel("eth1", "10.0.0.5/24", true);
    assertThat(kernel.subscriptions()).isEqualTo(1);
  }

  @Test
  void anAddressChangedBehindItIsPutBack() throws Exception {
    configure("eth1/000", """
        {"interface": "eth1", "addresses": ["10.0.0.5/24"]}""");
    awaitKernel("eth1", "10.0.0.5/24", true);
    kernel.replaceAddress(AddressMessage.of(3, "10.0.0.5", 24).toBuilder().validLifetime(600)
        .preferredLifetime(600).build());
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(kernel.addresses().stream()
        .filter(a -> a.index() == 3 && AddressMessage.text(a.own()).equals("10.0.0.5")).findFirst().orElseThrow()
        .validLifetime()).isEqualTo(Ifa.INFINITE_LIFETIME));
  }

  @Test
  void removingTheConfigurationRemovesTheAddressAndReleasesTheSpec() throws Exception {
    configure("eth1/000", """
        {"interface": "eth1", "addresses": ["10.0.0.5/24"]}""");
    awaitKernel("eth1", "10.0.0.5/24", true);
    h.destroy(DeviceConfigSpec.DEFINITION.pointer("eth1/000"));
    awaitKernel("eth1", "10.0.0.5/24", false);
    h.awaitNoResource(AddressSpec.DEFINITION.pointer("eth1/10.0.0.5/24"));
    h.awaitNoResource(AddressSpec.DEFINITION.pointer(Namespaces.NETWORK_CONFIG, "configuration/eth1/10.0.0.5/24"));
    assertThat(kernelAddresses("lo")).contains("127.0.0.1/8");
  }

  @Test
  void anAddressSpindleDidNotAddIsNeverTouched() throws Exception {
    kernel.addAddress(AddressMessage.of(3, "10.9.9.9", 24));
    // the configuration asks for the address the node already has on eth0, then stops asking
    configure("eth0/000", """
        {"interface": "eth0", "addresses": ["172.20.0.2/24"]}""");
    h.awaitResource(AddressSpec.DEFINITION, "eth0/172.20.0.2/24", r -> assertThat(r.metadata().finalizers())
        .contains("network.AddressSpecController"));
    h.destroy(DeviceConfigSpec.DEFINITION.pointer("eth0/000"));
    h.awaitNoResource(AddressSpec.DEFINITION.pointer("eth0/172.20.0.2/24"));
    assertThat(kernelAddresses("eth0")).contains("172.20.0.2/24");
    assertThat(kernelAddresses("eth1")).containsExactly("10.9.9.9/24");
    assertThat(kernelAddresses("lo")).contains("127.0.0.1/8");
  }

  @Test
  void anAddressForALinkThatDoesNotExistWaitsForIt() throws Exception {
    configure("eth7/000", """
        {"interface": "eth7", "addresses": ["10.7.0.1/16"]}""");
    h.awaitResource(AddressSpec.DEFINITION, "eth7/10.7.0.1/16", r -> assertThat(r.metadata().finalizers())
        .contains("network.AddressSpecController"));
    kernel.addDummy("eth7");
    awaitKernel("eth7", "10.7.0.1/16", true);
  }

  @Test
  void theCmdlineLayerAddsTheIpAddress() throws Exception {
    h.create(cmdline("ip=10.1.0.9::10.1.0.1:255.255.255.0::eth1:off"));
    awaitKernel("eth1", "10.1.0.9/24", true);
    h.awaitSpec(AddressSpec.DEFINITION, "eth1/10.1.0.9/24", s -> assertThat(s.layer()).isEqualTo(ConfigLayer.CMDLINE));
  }

  @Test
  void aRefusedRequestFailsThePassAndIsRetried() throws Exception {
    kernel.failNext(Errno.ENOBUFS); // the first port call of the next pass
    configure("eth1/000", """
        {"interface": "eth1", "addresses": ["10.0.0.5/24"]}""");
    awaitKernel("eth1", "10.0.0.5/24", true);
  }

  @Test
  void fiveHundredAddressesAreAppliedAndRemovedTogether() throws Exception {
    var addresses = new StringBuilder();
    for (int i = 0; i < 500; i++) {
      addresses.append(i == 0 ? "" : ", ").append("\"10.8.").append(i / 250).append('.').append(i % 250 + 1)
          .append("/16\"");
    }
    long start = System.nanoTime();
    configure("eth0/000", "{\"interface\": \"eth0\", \"addresses\": [" + addresses + "]}");
    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(1))
        .untilAsserted(() -> assertThat(kernelAddresses("eth0")).hasSize(500 + 2));
    long applied = System.nanoTime() - start;
    h.destroy(DeviceConfigSpec.DEFINITION.pointer("eth0/000"));
    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(1))
        .untilAsserted(() -> assertThat(kernelAddresses("eth0")).containsExactlyInAnyOrder("172.20.0.2/24",
            "fe80::5054:ff:fe12:3456/64"));
    long removed = System.nanoTime() - start - applied;
    System.out.printf("500 address specs: applied in %d ms, removed in %d ms (fake kernel)%n",
        applied / 1_000_000, removed / 1_000_000);
  }

  @Test
  void aNetlinkErrorSaysWhatWasBeingDone() {
    var spec = AddressSpec.permanent(IpPrefix.parse("10.0.0.5/24"), "eth0", Scope.GLOBAL, ConfigLayer.CONFIGURATION);
    var add = new AddressPlan.Add(spec.id(), spec, AddressPlan.message(spec, 2));
    var error = AddressSpecController.located(add, new NetlinkException(Errno.EEXIST, "adding address"));
    assertThat(error).hasMessage("adding address 10.0.0.5/24 to eth0: EEXIST");
    assertThat(error.errno()).isEqualTo(Errno.EEXIST);
    var delete = new AddressPlan.Delete(spec.id(), spec, AddressPlan.message(spec, 2));
    assertThat(AddressSpecController.located(delete, new NetlinkException(Errno.EADDRNOTAVAIL, "x")))
        .hasMessage("deleting address 10.0.0.5/24 from eth0: EADDRNOTAVAIL");
  }
}

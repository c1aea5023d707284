package dev.spindle.platform.sysfs;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link Sysfs} holding facts put into it, for controller tests and the simulated node. {@link #simulatedNode()}
 * describes {@code SimulatedNode}'s two virtio NICs as QEMU shows them: {@code eth0} at PCI {@code 0000:00:02.0},
 * {@code eth1} at {@code 0000:00:03.0}, driver {@code virtio_net}, permanent MACs, kernel-enumerated names, PCI
 * vendor and device {@code 1af4:1000} with their {@code pci.ids} names.
 */
public final class FakeSysfs implements Sysfs {
  private final Map<String, NetDeviceFacts> devices = new ConcurrentHashMap<>();

  public FakeSysfs put(NetDeviceFacts facts) {
    devices.put(facts.name(), facts);
    return this;
  }

  public FakeSysfs remove(String name) {
    devices.remove(name);
    return this;
  }

  @Override
  public Optional<NetDeviceFacts> netDevice(String name) {
    return Optional.ofNullable(devices.get(name));
  }

  public static FakeSysfs simulatedNode() {
    return new FakeSysfs()
        .put(virtioNic("eth0", 2, "0000:00:02.0", "virtio0", "52:54:00:12:34:56"))
        .put(virtioNic("eth1", 3, "0000:00:03.0", "virtio1", "52:54:00:12:34:57"))
        .put(new NetDeviceFacts("lo", 1, 1, 772, "", "00:00:00:00:00:00", 0, 1, 0, 0, "",
            java.util.List.of(), java.util.List.of(), "", "", ""));
  }

  private static NetDeviceFacts virtioNic(String name, int index, String pci, String virtio, String mac) {
    var pciNode = new DeviceNode(pci, "pci", "", Map.of("modalias", "pci:v00001AF4d00001000sv00001AF4sd00000001bc02sc00i00"), false);
    var virtioNode = new DeviceNode(virtio, "virtio", "", Map.of(), false);
    // virtio: the driver is the virtio device's; the PCI id and slot are on the PCI function, not in device/uevent
    // ethtool's bus-info for virtio_net is the PCI function; 1af4:1000 is the transitional virtio-net device
    return new NetDeviceFacts(name, index, index, 1, "", mac, 0, 1, 0, 0, "", java.util.List.of(virtioNode, pciNode),
        java.util.List.of(), "virtio_net", "", "", new DriverInfo("virtio_net", "", "", pci),
        new PciIdentity(0x1af4, 0x1000, "Red Hat, Inc.", "Virtio network device"));
  }
}

package dev.spindle.platform.sysfs;

import java.util.List;
import java.util.Objects;

/**
 * What sysfs says about one network interface, {@code /sys/class/net/<name>/...}, in the kernel's own terms.
 * Attributes that cannot be read (absent, or refused as the kernel refuses {@code phys_port_name} on most drivers)
 * take the value udev would then assume.
 *
 * @param name the kernel name
 * @param ifindex {@code ifindex}
 * @param iflink {@code iflink}: differs from ifindex for a stacked device (VLAN, veth, macvlan)
 * @param type {@code type}: the {@code ARPHRD_*} number
 * @param devtype {@code DEVTYPE=} of the interface's {@code uevent} ({@code wlan}, {@code wwan}, {@code bond}), or
 *     {@code ""}
 * @param address {@code address} as the kernel prints it ({@code 52:54:00:12:34:56})
 * @param addrAssignType {@code addr_assign_type}: 0 permanent, 1 random, 2 stolen, 3 set; -1 unreadable
 * @param nameAssignType {@code name_assign_type}: 1 enumerated, 2 predictable, 3 user, 4 renamed; -1 unreadable
 *     (the kernel refuses it for unknown)
 * @param devPort {@code dev_port} (decimal), 0 when absent
 * @param devId {@code dev_id} (hex), 0 when absent
 * @param physPortName {@code phys_port_name}, {@code ""} when absent or refused
 * @param ancestors the devices above the interface, nearest first (the interface's parent device, its parent, ...),
 *     up to but excluding {@code /sys/devices}; empty for a virtual interface
 * @param pciSlots the node's PCI hotplug slots
 * @param driver {@code DRIVER=} of {@code device/uevent} ({@code virtio_net}, {@code e1000e}), or {@code ""}: what
 *     Talos puts into {@code LinkStatus.driver}
 * @param pciId {@code PCI_ID=} of {@code device/uevent} ({@code 8086:10D3}), or {@code ""}: {@code LinkStatus.pciID}
 * @param busPath {@code PCI_SLOT_NAME=} of {@code device/uevent} ({@code 0000:05:00.0}), or {@code ""}:
 *     {@code LinkStatus.busPath} (Talos falls back to ethtool's bus-info, e.g. for virtio)
 * @param driverInfo what ethtool's driver info would say, as sysfs shows it ({@link DriverInfo#EMPTY} for a virtual
 *     interface)
 * @param pci the PCI function at {@link DriverInfo#busInfo}, or {@code null} when it is no PCI device
 */
public record NetDeviceFacts(String name, int ifindex, int iflink, int type, String devtype, String address,
    int addrAssignType, int nameAssignType, int devPort, int devId, String physPortName, List<DeviceNode> ancestors,
    List<PciSlot> pciSlots, String driver, String pciId, String busPath, DriverInfo driverInfo, PciIdentity pci) {
  /** Facts without driver info or PCI identity (what predictable naming alone needs). */
  public NetDeviceFacts(String name, int ifindex, int iflink, int type, String devtype, String address,
      int addrAssignType, int nameAssignType, int devPort, int devId, String physPortName, List<DeviceNode> ancestors,
      List<PciSlot> pciSlots, String driver, String pciId, String busPath) {
    this(name, ifindex, iflink, type, devtype, address, addrAssignType, nameAssignType, devPort, devId, physPortName,
        ancestors, pciSlots, driver, pciId, busPath, DriverInfo.EMPTY, null);
  }

  public NetDeviceFacts {
    Objects.requireNonNull(name, "name");
    devtype = Objects.requireNonNullElse(devtype, "");
    address = Objects.requireNonNullElse(address, "");
    physPortName = Objects.requireNonNullElse(physPortName, "");
    ancestors = List.copyOf(ancestors);
    pciSlots = List.copyOf(pciSlots);
    driver = Objects.requireNonNullElse(driver, "");
    pciId = Objects.requireNonNullElse(pciId, "");
    busPath = Objects.requireNonNullElse(busPath, "");
    driverInfo = Objects.requireNonNullElse(driverInfo, DriverInfo.EMPTY);
  }

  /** A copy with driver info and PCI identity. */
  public NetDeviceFacts withHardware(DriverInfo info, PciIdentity identity) {
    return new NetDeviceFacts(name, ifindex, iflink, type, devtype, address, addrAssignType, nameAssignType, devPort,
        devId, physPortName, ancestors, pciSlots, driver, pciId, busPath, info, identity);
  }
}

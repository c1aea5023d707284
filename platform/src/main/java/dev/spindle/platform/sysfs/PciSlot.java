package dev.spindle.platform.sysfs;

import java.util.Objects;

/**
 * A PCI hotplug slot, {@code /sys/bus/pci/slots/<name>/address}: the firmware's slot number and the
 * {@code domain:bus:device} it holds ({@code 0000:05:00}, no function).
 */
public record PciSlot(String name, String address) {
  public PciSlot {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(address, "address");
  }
}

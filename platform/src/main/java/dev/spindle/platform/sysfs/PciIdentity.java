package dev.spindle.platform.sysfs;

import java.util.Objects;

/**
 * The PCI function behind an interface ({@code /sys/bus/pci/devices/<bus-info>/vendor} and {@code device}), with the
 * names the PCI ID database gives them: what Talos shows as {@code vendorID}, {@code productID}, {@code vendor} and
 * {@code product}.
 *
 * @param vendorId the 16-bit vendor id ({@code 0x1af4})
 * @param deviceId the 16-bit device id ({@code 0x1041})
 * @param vendor the vendor's name in {@code pci.ids}, {@code ""} when the node has no database or it lacks the id
 * @param product the device's name in {@code pci.ids}, {@code ""} likewise
 */
public record PciIdentity(int vendorId, int deviceId, String vendor, String product) {
  public PciIdentity {
    vendor = Objects.requireNonNullElse(vendor, "");
    product = Objects.requireNonNullElse(product, "");
  }
}

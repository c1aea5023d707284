package dev.spindle.platform.sysfs;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One device above a network interface in the sysfs device tree ({@code /sys/devices/...}): a PCI function, a virtio
 * device, a USB interface, a bridge. Only the attributes {@code net_id} reads are kept.
 *
 * @param sysname the directory name ({@code 0000:05:00.0}, {@code virtio0}, {@code 2-1.4:1.6})
 * @param subsystem the name the {@code subsystem} link points to ({@code pci}, {@code virtio}, {@code usb}), or
 *     {@code ""}
 * @param devtype {@code DEVTYPE=} of its {@code uevent} ({@code usb_interface}), or {@code ""}
 * @param attributes the attributes present, trimmed: {@code acpi_index}, {@code index}, {@code label},
 *     {@code modalias}, {@code ari_enabled}, {@code function_id}
 * @param multifunction bit 7 of the PCI header type (config space byte 0x0e)
 */
public record DeviceNode(String sysname, String subsystem, String devtype, Map<String, String> attributes,
    boolean multifunction) {
  public DeviceNode {
    Objects.requireNonNull(sysname, "sysname");
    subsystem = Objects.requireNonNullElse(subsystem, "");
    devtype = Objects.requireNonNullElse(devtype, "");
    attributes = Map.copyOf(attributes);
  }

  public Optional<String> attribute(String name) {
    return Optional.ofNullable(attributes.get(name));
  }
}

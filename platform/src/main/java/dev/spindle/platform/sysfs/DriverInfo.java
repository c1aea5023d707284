package dev.spindle.platform.sysfs;

import java.util.Objects;

/**
 * What ethtool's {@code ETHTOOL_GDRVINFO} tells about an interface, as far as sysfs shows it (Spindle has no ethtool
 * port yet): the driver bound to the interface's device ({@code device/driver}), the bus address ethtool reports
 * ({@code bus-info}), the driver's module version where the module declares one ({@code /sys/module/<driver>/version})
 * and no firmware version, which only the driver knows.
 *
 * @param driver the name the {@code device/driver} link points to ({@code virtio_net}, {@code e1000e}), or {@code ""}
 * @param version {@code /sys/module/<driver>/version}, or {@code ""}
 * @param firmwareVersion always {@code ""} from sysfs
 * @param busInfo the device's PCI address ({@code PCI_SLOT_NAME}); for a virtio device the address of the PCI
 *     function above it (what virtio_net reports); otherwise the device's own name ({@code dev_name(parent)}, the
 *     ethtool core's default); {@code ""} for a virtual interface
 */
public record DriverInfo(String driver, String version, String firmwareVersion, String busInfo) {
  public static final DriverInfo EMPTY = new DriverInfo("", "", "", "");

  public DriverInfo {
    driver = Objects.requireNonNullElse(driver, "");
    version = Objects.requireNonNullElse(version, "");
    firmwareVersion = Objects.requireNonNullElse(firmwareVersion, "");
    busInfo = Objects.requireNonNullElse(busInfo, "");
  }
}

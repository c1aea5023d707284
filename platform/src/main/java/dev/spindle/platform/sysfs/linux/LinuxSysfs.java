package dev.spindle.platform.sysfs.linux;

import dev.spindle.platform.sysfs.DeviceNode;
import dev.spindle.platform.sysfs.DriverInfo;
import dev.spindle.platform.sysfs.PciIdentity;
import dev.spindle.platform.sysfs.PciIds;
import dev.spindle.platform.sysfs.NetDeviceFacts;
import dev.spindle.platform.sysfs.PciSlot;
import dev.spindle.platform.sysfs.Sysfs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link Sysfs} read from a sysfs root: {@code /sys} on a node, a fixture tree in tests (the same code runs on
 * both). Follows {@code class/net/<name>} to the interface's directory under {@code devices/}, then walks up the
 * directories that have a {@code uevent} file, as udev's {@code sd_device_get_parent} does, reading each one's
 * subsystem link, {@code DEVTYPE} and the attributes {@code net_id} uses. An attribute that cannot be read is left
 * out: the kernel refuses some (e.g. {@code phys_port_name} with EOPNOTSUPP) and udev treats those as absent.
 */
public final class LinuxSysfs implements Sysfs {
  private static final List<String> NODE_ATTRIBUTES =
      List.of("acpi_index", "index", "label", "modalias", "ari_enabled", "function_id");
  private static final int PCI_HEADER_TYPE = 0x0e;

  private final Path root;
  private final PciIds pciIds;

  /** A tree without PCI names: {@link PciIdentity} carries the ids only. */
  public LinuxSysfs(Path root) {
    this(root, PciIds.NONE);
  }

  public LinuxSysfs(Path root, PciIds pciIds) {
    this.root = root;
    this.pciIds = pciIds;
  }

  /** The node's own sysfs, with the names of the node's PCI ID database if it has one ({@link PciIds#system()}). */
  public static LinuxSysfs system() {
    return new LinuxSysfs(Path.of("/sys"), PciIds.system());
  }

  @Override
  public Optional<NetDeviceFacts> netDevice(String name) {
    if (name.isEmpty() || name.contains("/") || name.equals(".") || name.equals("..")) {
      return Optional.empty();
    }
    Path link = root.resolve("class/net").resolve(name);
    try {
      if (!Files.isDirectory(link)) {
        return Optional.empty();
      }
      Path dir = link.toRealPath();
      List<DeviceNode> ancestors = ancestors(dir);
      String busPath = uevent(dir.resolve("device"), "PCI_SLOT_NAME");
      DriverInfo info = driverInfo(dir.resolve("device"), busPath, ancestors);
      return Optional.of(new NetDeviceFacts(name, number(dir, "ifindex", 10, 0), number(dir, "iflink", 10, 0),
          number(dir, "type", 10, 0), uevent(dir, "DEVTYPE"), attribute(dir, "address").orElse(""),
          number(dir, "addr_assign_type", 10, -1), number(dir, "name_assign_type", 10, -1),
          number(dir, "dev_port", 10, 0), number(dir, "dev_id", 16, 0), attribute(dir, "phys_port_name").orElse(""),
          ancestors, slots(), uevent(dir.resolve("device"), "DRIVER"), uevent(dir.resolve("device"), "PCI_ID"),
          busPath, info, pci(info.busInfo())));
    } catch (NoSuchFileException e) {
      return Optional.empty(); // the link went away while we read it
    } catch (IOException e) {
      throw new UncheckedIOException("reading sysfs for link " + name + " under " + root, e);
    }
  }

  /**
   * ethtool's driver info as sysfs shows it: the bound driver ({@code device/driver}); the bus address, for a virtio
   * device the PCI function above it (virtio_net reports that one), else the device's name; the module's version.
   */
  private DriverInfo driverInfo(Path device, String busPath, List<DeviceNode> ancestors) {
    if (!Files.isDirectory(device) || ancestors.isEmpty()) {
      return DriverInfo.EMPTY;
    }
    String driver = "";
    try {
      driver = Files.readSymbolicLink(device.resolve("driver")).getFileName().toString();
    } catch (IOException | UnsupportedOperationException e) {
      // no driver bound
    }
    DeviceNode parent = ancestors.getFirst();
    String busInfo = busPath;
    if (busInfo.isEmpty()) {
      busInfo = parent.subsystem().equals("virtio") ? ancestors.stream().filter(d -> d.subsystem().equals("pci"))
          .map(DeviceNode::sysname).findFirst().orElse(parent.sysname()) : parent.sysname();
    }
    String version = driver.isEmpty() ? "" : attribute(root.resolve("module").resolve(driver), "version").orElse("");
    return new DriverInfo(driver, version, "", busInfo);
  }

  /** The PCI function {@code address} ({@code 0000:00:03.0}), or null when there is none by that name. */
  private PciIdentity pci(String address) {
    if (address.isEmpty() || address.contains("/") || address.startsWith(".")) {
      return null;
    }
    Path dir = root.resolve("bus/pci/devices").resolve(address);
    int vendor = number(dir, "vendor", 16, -1);
    int device = number(dir, "device", 16, -1);
    if (vendor < 0 || device < 0) {
      return null;
    }
    return new PciIdentity(vendor, device, pciIds.vendor(vendor).orElse(""), pciIds.product(vendor, device)
        .orElse(""));
  }

  private List<DeviceNode> ancestors(Path dir) throws IOException {
    Path devices = root.toRealPath().resolve("devices");
    var nodes = new ArrayList<DeviceNode>();
    for (Path p = dir.getParent(); p != null && p.startsWith(devices) && !p.equals(devices); p = p.getParent()) {
      if (Files.exists(p.resolve("uevent"))) {
        nodes.add(node(p));
      }
    }
    return nodes;
  }

  private DeviceNode node(Path p) {
    Map<String, String> attributes = new HashMap<>();
    for (String name : NODE_ATTRIBUTES) {
      attribute(p, name).ifPresent(v -> attributes.put(name, v));
    }
    String subsystem = "";
    try {
      subsystem = Files.readSymbolicLink(p.resolve("subsystem")).getFileName().toString();
    } catch (IOException | UnsupportedOperationException e) {
      // no subsystem: a host bridge or a plain directory
    }
    return new DeviceNode(p.getFileName().toString(), subsystem, uevent(p, "DEVTYPE"), attributes,
        multifunction(p.resolve("config")));
  }

  private List<PciSlot> slots() throws IOException {
    Path slots = root.resolve("bus/pci/slots");
    if (!Files.isDirectory(slots)) {
      return List.of();
    }
    var result = new ArrayList<PciSlot>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(slots)) {
      for (Path slot : entries) {
        attribute(slot, "address").ifPresent(a -> result.add(new PciSlot(slot.getFileName().toString(), a)));
      }
    }
    result.sort(java.util.Comparator.comparing(PciSlot::name));
    return result;
  }

  private static boolean multifunction(Path config) {
    try (InputStream in = Files.newInputStream(config)) {
      byte[] header = in.readNBytes(PCI_HEADER_TYPE + 1);
      return header.length > PCI_HEADER_TYPE && (header[PCI_HEADER_TYPE] & 0x80) != 0;
    } catch (IOException e) {
      return false;
    }
  }

  private static String uevent(Path dir, String key) {
    return attribute(dir, "uevent").map(text -> text.lines()
        .filter(line -> line.startsWith(key + "="))
        .map(line -> line.substring(key.length() + 1))
        .findFirst().orElse("")).orElse("");
  }

  private static int number(Path dir, String name, int radix, int absent) {
    return attribute(dir, name).map(v -> {
      try {
        String digits = radix == 16 && v.startsWith("0x") ? v.substring(2) : v;
        return Integer.parseUnsignedInt(digits, radix);
      } catch (NumberFormatException e) {
        return absent;
      }
    }).orElse(absent);
  }

  /** The attribute's text without the trailing newline; empty when absent or unreadable. */
  private static Optional<String> attribute(Path dir, String name) {
    try {
      return Optional.of(Files.readString(dir.resolve(name), StandardCharsets.UTF_8).strip());
    } catch (IOException | UncheckedIOException e) {
      return Optional.empty();
    }
  }
}

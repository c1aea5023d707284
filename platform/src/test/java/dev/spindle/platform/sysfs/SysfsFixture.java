package dev.spindle.platform.sysfs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Builds a sysfs tree the way the kernel lays it out: devices under {@code devices/}, each with a {@code uevent} and
 * a {@code subsystem} link to {@code bus/<subsystem>} (or {@code class/<subsystem>}), interfaces under their device's
 * {@code net/} with {@code class/net/<name>} and {@code device} links, PCI hotplug slots under
 * {@code bus/pci/slots}. Attributes are {@code key=value} strings; {@code DEVTYPE=x} goes into the uevent.
 */
final class SysfsFixture {
  final Path root;

  SysfsFixture(Path root) {
    this.root = root;
  }

  /** A device at {@code devices/<path>} in {@code subsystem} ({@code ""}: none, as a host bridge). */
  SysfsFixture device(String path, String subsystem, String... attributes) {
    Path dir = root.resolve("devices").resolve(path);
    mkdirs(dir);
    StringBuilder uevent = new StringBuilder();
    for (String a : attributes) {
      String key = a.substring(0, a.indexOf('='));
      String value = a.substring(a.indexOf('=') + 1);
      if (key.equals("DEVTYPE")) {
        uevent.append("DEVTYPE=").append(value).append('\n');
      } else if (key.equals("multifunction")) {
        byte[] config = new byte[64];
        config[0x0e] = (byte) (Boolean.parseBoolean(value) ? 0x80 : 0x00);
        write(dir.resolve("config"), config);
      } else {
        write(dir.resolve(key), (value + "\n").getBytes());
      }
    }
    write(dir.resolve("uevent"), uevent.toString().getBytes());
    if (!subsystem.isEmpty()) {
      Path bus = root.resolve(subsystem.equals("net") ? "class" : "bus").resolve(subsystem);
      mkdirs(bus);
      link(dir.resolve("subsystem"), bus);
    }
    return this;
  }

  /** A PCI function, multi-function or not, with more attributes. */
  SysfsFixture pci(String path, boolean multifunction, String... attributes) {
    String[] all = new String[attributes.length + 2];
    all[0] = "multifunction=" + multifunction;
    all[1] = "modalias=pci:v00008086d000010D3sv00008086sd0000A01Fbc02sc00i00";
    System.arraycopy(attributes, 0, all, 2, attributes.length);
    return device(path, "pci", all);
  }

  /** An interface {@code name} of device {@code parent} ({@code null}: a virtual one under devices/virtual/net). */
  SysfsFixture net(String parent, String name, int ifindex, String... attributes) {
    String path = (parent == null ? "virtual" : parent) + "/net/" + name;
    String[] all = new String[attributes.length + 3];
    all[0] = "ifindex=" + ifindex;
    all[1] = "iflink=" + ifindex;
    all[2] = "type=1";
    System.arraycopy(attributes, 0, all, 3, attributes.length);
    device(path, "net", all);
    Path dir = root.resolve("devices").resolve(path);
    link(root.resolve("class/net").resolve(name), dir);
    if (parent != null) {
      link(dir.resolve("device"), root.resolve("devices").resolve(parent));
    }
    return this;
  }

  /** Binds {@code devices/<path>} to driver {@code name} of {@code bus}, as {@code <device>/driver} links it. */
  SysfsFixture driver(String path, String bus, String name) {
    Path drv = root.resolve("bus").resolve(bus).resolve("drivers").resolve(name);
    mkdirs(drv);
    link(root.resolve("devices").resolve(path).resolve("driver"), drv);
    return this;
  }

  /** Replaces the {@code uevent} of {@code devices/<path>}. */
  SysfsFixture uevent(String path, String text) {
    write(root.resolve("devices").resolve(path).resolve("uevent"), text.getBytes());
    return this;
  }

  /** A PCI function's {@code vendor} and {@code device} ids, and its {@code bus/pci/devices/<address>} link. */
  SysfsFixture pciIds(String path, String vendor, String device) {
    Path dir = root.resolve("devices").resolve(path);
    write(dir.resolve("vendor"), (vendor + "\n").getBytes());
    write(dir.resolve("device"), (device + "\n").getBytes());
    link(root.resolve("bus/pci/devices").resolve(dir.getFileName().toString()), dir);
    return this;
  }

  /** {@code module/<name>/version}. */
  SysfsFixture moduleVersion(String name, String version) {
    Path dir = root.resolve("module").resolve(name);
    mkdirs(dir);
    write(dir.resolve("version"), (version + "\n").getBytes());
    return this;
  }

  SysfsFixture slot(String number, String address) {
    Path dir = root.resolve("bus/pci/slots").resolve(number);
    mkdirs(dir);
    write(dir.resolve("address"), (address + "\n").getBytes());
    return this;
  }

  /** A relative link, as sysfs has them, so the tree can be moved and still resolve. */
  private static void link(Path link, Path target) {
    try {
      mkdirs(link.getParent());
      Files.deleteIfExists(link);
      Files.createSymbolicLink(link, link.getParent().relativize(target));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void mkdirs(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path file, byte[] bytes) {
    try {
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

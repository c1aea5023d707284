package dev.spindle.platform.sysfs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The PCI ID database ({@code pci.ids}, the file pciutils and hwdata ship), read for vendor and device names only:
 * a vendor line is {@code vvvv  Name}, a device line below it {@code \tdddd  Name}; subsystem lines ({@code \t\t}),
 * comments and the device class section ({@code C ...}) are skipped. Talos resolves names the same way from the
 * database it embeds; a node without the file gets empty names.
 */
public final class PciIds {
  /** Where distributions install it: pciutils, then hwdata. */
  public static final List<Path> LOCATIONS = List.of(Path.of("/usr/share/misc/pci.ids"),
      Path.of("/usr/share/hwdata/pci.ids"), Path.of("/usr/share/pci.ids"));
  public static final PciIds NONE = new PciIds(Map.of(), Map.of());

  private final Map<Integer, String> vendors;
  private final Map<Integer, String> devices;

  private PciIds(Map<Integer, String> vendors, Map<Integer, String> devices) {
    this.vendors = vendors;
    this.devices = devices;
  }

  /** The first database found at {@link #LOCATIONS}, or {@link #NONE}. */
  public static PciIds system() {
    for (Path p : LOCATIONS) {
      if (Files.isReadable(p)) {
        try (Reader in = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
          return parse(in);
        } catch (IOException | UncheckedIOException e) {
          return NONE; // unreadable: names stay empty, as without a database
        }
      }
    }
    return NONE;
  }

  public static PciIds parse(Reader text) throws IOException {
    var vendors = new HashMap<Integer, String>();
    var devices = new HashMap<Integer, String>();
    int vendor = -1;
    var lines = new BufferedReader(text);
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("C ")) {
        break; // the class section follows the vendors
      }
      if (line.startsWith("\t\t")) {
        continue;
      }
      boolean device = line.startsWith("\t");
      String entry = device ? line.substring(1) : line;
      if (entry.length() < 6 || entry.charAt(4) != ' ') {
        continue;
      }
      int id;
      try {
        id = Integer.parseInt(entry.substring(0, 4), 16);
      } catch (NumberFormatException e) {
        continue;
      }
      String name = entry.substring(4).strip();
      if (device) {
        if (vendor >= 0) {
          devices.put(vendor << 16 | id, name);
        }
      } else {
        vendor = id;
        vendors.put(id, name);
      }
    }
    return new PciIds(Map.copyOf(vendors), Map.copyOf(devices));
  }

  public Optional<String> vendor(int vendorId) {
    return Optional.ofNullable(vendors.get(vendorId));
  }

  public Optional<String> product(int vendorId, int deviceId) {
    return Optional.ofNullable(devices.get(vendorId << 16 | deviceId));
  }
}

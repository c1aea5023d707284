package dev.spindle.platform.sysfs;

import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * systemd-udevd's {@code net_id} builtin ({@code udev-builtin-net_id.c}, latest naming scheme) as a pure function of
 * an interface's sysfs facts: the {@code ID_NET_NAME_ONBOARD}, {@code _SLOT}, {@code _PATH} and {@code _MAC}
 * names, for PCI devices (directly or behind virtio), USB devices (on a PCI host controller or not) and MAC
 * addresses. Talos has no code of its own for this; it ships udev and a {@code .link} file ({@link NamePolicy}).
 *
 * <p>The rules kept: stacked interfaces (ifindex ≠ iflink) and types other than ether, InfiniBand and SLIP get no
 * names; prefixes {@code en}/{@code wl}/{@code ww} by DEVTYPE, {@code ib}, {@code sl}; PCI numbers in decimal, the
 * domain as {@code P<n>} only when non-zero, {@code f<fn>} when fn > 0 or the device is multi-function (ARI folds
 * the slot into the function); {@code n<phys_port_name>} ({@code r<vf>} for a VF representor {@code pfNvfM}) else
 * {@code d<dev_port>} when dev_port > 0 (for slot and path also {@code dev_id} on InfiniBand); onboard from
 * {@code acpi_index} else {@code index}, 0 allowed, at most 65535; the hotplug slot from
 * {@code /sys/bus/pci/slots/<n>/address} (or an s390 {@code function_id}), looked up from the device up its PCI
 * parents, not used when it belongs to a bridge and the device is single-function; USB {@code u<port>} per hub
 * level, then {@code c<config>} unless 1 and {@code i<interface>} unless 0; MAC only for a permanent 6-byte address,
 * never for InfiniBand; s390 CCW devices {@code c<bus id>}. Left out: SR-IOV virtual functions ({@code v<n>} after
 * the physical function's name), the onboard label ({@code ID_NET_LABEL_ONBOARD}, not a name), and the VIO, Xen,
 * platform (ACPI), devicetree, netdevsim and BCMA buses.
 */
public final class PredictableNames {
  private static final int ARPHRD_ETHER = 1;
  private static final int ARPHRD_SLIP = 256;
  private static final int ARPHRD_INFINIBAND = 32;
  private static final int ALTIFNAMSIZ = 128;
  private static final long ONBOARD_INDEX_MAX = 65535;

  private PredictableNames() {}

  /** The names, or empty when {@code net_id} does not name this interface at all. */
  public static Optional<NetNames> compute(NetDeviceFacts f) {
    if (f.ifindex() != f.iflink()) {
      return Optional.empty();
    }
    String prefix = prefix(f);
    if (prefix == null) {
      return Optional.empty();
    }
    String onboard = "";
    String slot = "";
    String path = "";
    Optional<DeviceNode> parent = f.ancestors().stream().filter(n -> !n.subsystem().equals("virtio")).findFirst();
    if (parent.isPresent() && (parent.get().subsystem().equals("ccwgroup") || parent.get().subsystem().equals("ccw"))) {
      path = ccw(parent.get().sysname(), prefix);
    }
    Optional<DeviceNode> pci = pciParent(f.ancestors());
    if (pci.isPresent()) {
      onboard = onboard(f, pci.get(), prefix);
      String[] slotAndPath = slotAndPath(f, pci.get(), prefix, "");
      slot = slotAndPath[0];
      path = slotAndPath[1];
    }
    int usb = indexOf(f.ancestors(), n -> n.subsystem().equals("usb") && n.devtype().equals("usb_interface"));
    if (usb >= 0) {
      String suffix = usbSpecifier(f.ancestors().get(usb).sysname());
      if (suffix != null) {
        List<DeviceNode> above = f.ancestors().subList(usb + 1, f.ancestors().size());
        int host = indexOf(above, n -> n.subsystem().equals("pci"));
        if (host >= 0) {
          String[] slotAndPath = slotAndPath(f, above.get(host), prefix, suffix);
          slot = slotAndPath[0].isEmpty() ? slot : slotAndPath[0];
          path = slotAndPath[1].isEmpty() ? path : slotAndPath[1];
        } else {
          path = fit(prefix + suffix);
        }
      }
    }
    return Optional.of(new NetNames(onboard, slot, path, mac(f, prefix)));
  }

  private static String prefix(NetDeviceFacts f) {
    return switch (f.type()) {
      case ARPHRD_ETHER -> switch (f.devtype()) {
        case "wlan" -> "wl";
        case "wwan" -> "ww";
        default -> "en";
      };
      case ARPHRD_INFINIBAND -> "ib";
      case ARPHRD_SLIP -> "sl";
      default -> null;
    };
  }

  /** The direct parent, past any virtio devices, when it is a PCI device. */
  private static Optional<DeviceNode> pciParent(List<DeviceNode> ancestors) {
    for (DeviceNode node : ancestors) {
      if (!node.subsystem().equals("virtio")) {
        return node.subsystem().equals("pci") ? Optional.of(node) : Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static String onboard(NetDeviceFacts f, DeviceNode pci, String prefix) {
    Optional<String> index = pci.attribute("acpi_index").or(() -> pci.attribute("index"));
    Long idx = index.map(PredictableNames::unsigned).orElse(null);
    if (idx == null || idx > ONBOARD_INDEX_MAX) {
      return "";
    }
    return fit(prefix + "o" + idx + port(f, false));
  }

  /** {@code {slot, path}} of the PCI device {@code pci}, each with {@code suffix} (a USB specifier) appended. */
  private static String[] slotAndPath(NetDeviceFacts f, DeviceNode pci, String prefix, String suffix) {
    String[] bdf = pci.sysname().split("[:.]");
    if (bdf.length != 4) {
      return new String[] {"", ""};
    }
    long domain;
    long bus;
    long dev;
    long func;
    try {
      domain = Long.parseLong(bdf[0], 16);
      bus = Long.parseLong(bdf[1], 16);
      dev = Long.parseLong(bdf[2], 16);
      func = Long.parseLong(bdf[3]);
    } catch (NumberFormatException e) {
      return new String[] {"", ""};
    }
    if (pci.attribute("ari_enabled").map(v -> v.equals("1")).orElse(false)) {
      func += dev * 8;
    }
    String domainSpec = domain > 0 ? "P" + domain : "";
    String funcSpec = func > 0 || pci.multifunction() ? "f" + func : "";
    String port = port(f, true);
    String path = fit(prefix + domainSpec + "p" + bus + "s" + dev + funcSpec + port + suffix);
    String slot = "";
    long[] hotplug = hotplugSlot(f, pci);
    if (hotplug != null) {
      String slotDomain = hotplug[1] == 1 ? "" : domainSpec;
      slot = fit(prefix + slotDomain + "s" + hotplug[0] + funcSpec + port + suffix);
    }
    return new String[] {slot, path};
  }

  /** {slot number, 1 if found by s390 function id (the domain is then dropped)}, or null. */
  private static long[] hotplugSlot(NetDeviceFacts f, DeviceNode pci) {
    List<DeviceNode> ancestors = f.ancestors();
    int start = ancestors.indexOf(pci);
    for (int i = start; i >= 0 && i < ancestors.size(); i++) {
      DeviceNode node = ancestors.get(i);
      if (!node.subsystem().equals("pci")) {
        continue;
      }
      Long functionId = node.attribute("function_id").map(PredictableNames::unsigned).orElse(null);
      if (functionId != null && functionId > 0 && functionId <= 0xffffffffL) {
        String dir = String.format("%08x", functionId);
        if (f.pciSlots().stream().anyMatch(s -> s.name().equals(dir))) {
          return new long[] {functionId, 1};
        }
      }
      for (PciSlot slot : f.pciSlots()) {
        Long number = unsigned(slot.name());
        if (number == null || number <= 0 || number > 0xffffffffL || !node.sysname().startsWith(slot.address())) {
          continue;
        }
        // a bridge's slot would be claimed by every device behind it
        if (isBridge(node) && !pci.multifunction()) {
          return null;
        }
        return new long[] {number, 0};
      }
    }
    return null;
  }

  private static boolean isBridge(DeviceNode node) {
    String modalias = node.attribute("modalias").orElse("");
    if (!modalias.startsWith("pci:")) {
      return false;
    }
    int s = modalias.lastIndexOf('s');
    return s >= 0 && modalias.startsWith("c04", s + 1);
  }

  /** {@code n<phys_port_name>}, else {@code d<dev_port>} when positive (or InfiniBand's {@code dev_id}), else "". */
  private static String port(NetDeviceFacts f, boolean fallbackToDevId) {
    if (!f.physPortName().isEmpty()) {
      var representor = java.util.regex.Pattern.compile("pf\\d+vf(\\d+)").matcher(f.physPortName());
      return representor.lookingAt() ? "r" + representor.group(1) : "n" + f.physPortName();
    }
    int port = f.devPort();
    if (port == 0 && fallbackToDevId && f.type() == ARPHRD_INFINIBAND) {
      port = f.devId();
    }
    return port > 0 ? "d" + Integer.toUnsignedString(port) : "";
  }

  /** {@code u<port>...[c<config>][i<interface>]} from a USB interface's sysname ({@code 2-1.4:1.6}). */
  private static String usbSpecifier(String sysname) {
    int dash = sysname.indexOf('-');
    int colon = sysname.indexOf(':', dash + 1);
    if (dash < 0 || colon < 0) {
      return null;
    }
    String ports = sysname.substring(dash + 1, colon);
    String rest = sysname.substring(colon + 1);
    int dot = rest.indexOf('.');
    if (dot < 0) {
      return null;
    }
    String config = rest.substring(0, dot);
    String iface = rest.substring(dot + 1);
    return "u" + ports.replace('.', 'u') + (config.equals("1") ? "" : "c" + config)
        + (iface.equals("0") ? "" : "i" + iface);
  }

  /** s390: {@code c<bus id>} with the leading zeros and dots dropped ({@code 0.0.f5f0} → {@code cf5f0}). */
  private static String ccw(String busId, String prefix) {
    if (busId.length() != 8 && busId.length() != 9) {
      return "";
    }
    int start = 0;
    while (start < busId.length() - 1 && (busId.charAt(start) == '.' || busId.charAt(start) == '0')) {
      start++;
    }
    return fit(prefix + "c" + busId.substring(start));
  }

  private static String mac(NetDeviceFacts f, String prefix) {
    if (f.type() == ARPHRD_INFINIBAND || f.addrAssignType() != 0) {
      return "";
    }
    String hex = f.address().replace(":", "").toLowerCase(java.util.Locale.ROOT);
    if (hex.length() != 12) {
      return "";
    }
    try {
      HexFormat.of().parseHex(hex);
    } catch (IllegalArgumentException e) {
      return "";
    }
    return prefix + "x" + hex;
  }

  /** udev drops a name that does not fit its {@code ALTIFNAMSIZ} buffer. */
  private static String fit(String name) {
    return name.length() < ALTIFNAMSIZ ? name : "";
  }

  private static Long unsigned(String text) {
    try {
      long v = Long.parseLong(text.strip());
      return v < 0 ? null : v;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static int indexOf(List<DeviceNode> nodes, java.util.function.Predicate<DeviceNode> test) {
    for (int i = 0; i < nodes.size(); i++) {
      if (test.test(nodes.get(i))) {
        return i;
      }
    }
    return -1;
  }
}

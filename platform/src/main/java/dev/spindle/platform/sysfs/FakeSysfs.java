package dev.spindle.platform.sysfs;

import dev.spindle.platform.network.Errno;
import dev.spindle.platform.network.FakeRtnetlink;
import dev.spindle.platform.network.NetlinkException;
import dev.spindle.platform.network.Rtnetlink;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link Sysfs} holding facts put into it, for controller tests and the simulated node. {@link #simulatedNode()}
 * describes {@code SimulatedNode}'s two virtio NICs as QEMU shows them: {@code eth0} at PCI {@code 0000:00:02.0},
 * {@code eth1} at {@code 0000:00:03.0}, driver {@code virtio_net}, permanent MACs, kernel-enumerated names, PCI
 * vendor and device {@code 1af4:1000} with their {@code pci.ids} names.
 *
 * <p>Real sysfs follows a rename by itself ({@code /sys/class/net/<name>} is the link's current name). A fake that
 * {@linkplain #following follows a kernel} does too: it resolves a name to an ifindex through the kernel's current
 * names and answers with the facts put for that ifindex, under the new name and with {@code name_assign_type} 4
 * ({@code NET_NAME_RENAMED}) when the link's name is no longer the one it was put with, as the kernel marks every
 * rename. A fake that follows nothing looks facts up by the name they were put with.
 */
public final class FakeSysfs implements Sysfs {
  private static final int NET_NAME_RENAMED = 4;

  /** Resolves a link's current name to its ifindex, empty when no link has that name. */
  @FunctionalInterface
  public interface LinkIndex {
    OptionalInt of(String name);

    /** Through the port's {@link Rtnetlink#link(String)}: {@code ENODEV} is no link, other errors are unchecked. */
    static LinkIndex of(Rtnetlink rtnl) {
      return name -> {
        try {
          return OptionalInt.of(rtnl.link(name).index());
        } catch (NetlinkException e) {
          if (e.errno() == Errno.ENODEV) {
            return OptionalInt.empty();
          }
          throw new UncheckedIOException(new java.io.IOException("resolving link " + name, e));
        }
      };
    }
  }

  /** Facts by the name they were put with. */
  private final Map<String, NetDeviceFacts> devices = new ConcurrentHashMap<>();
  private final LinkIndex kernel;

  public FakeSysfs() {
    this(null);
  }

  private FakeSysfs(LinkIndex kernel) {
    this.kernel = kernel;
  }

  /** A fake whose names follow {@code kernel}'s links, matched by ifindex (see the class comment). */
  public static FakeSysfs following(LinkIndex kernel) {
    return new FakeSysfs(java.util.Objects.requireNonNull(kernel, "kernel"));
  }

  public FakeSysfs put(NetDeviceFacts facts) {
    devices.put(facts.name(), facts);
    return this;
  }

  /** Forgets the facts put with {@code name}, or (when following a kernel) those of the link now named so. */
  public FakeSysfs remove(String name) {
    if (devices.remove(name) == null && kernel != null) {
      kernel.of(name).ifPresent(index -> devices.values().removeIf(f -> f.ifindex() == index));
    }
    return this;
  }

  @Override
  public Optional<NetDeviceFacts> netDevice(String name) {
    if (kernel == null) {
      return Optional.ofNullable(devices.get(name));
    }
    OptionalInt index = kernel.of(name);
    if (index.isEmpty()) {
      return Optional.empty();
    }
    return devices.values().stream().filter(f -> f.ifindex() == index.getAsInt()).findFirst()
        .map(f -> f.name().equals(name) ? f : renamed(f, name));
  }

  private static NetDeviceFacts renamed(NetDeviceFacts f, String name) {
    return new NetDeviceFacts(name, f.ifindex(), f.iflink(), f.type(), f.devtype(), f.address(), f.addrAssignType(),
        NET_NAME_RENAMED, f.devPort(), f.devId(), f.physPortName(), f.ancestors(), f.pciSlots(), f.driver(),
        f.pciId(), f.busPath(), f.driverInfo(), f.pci());
  }

  /** The simulated node's sysfs, looked up by the names the facts were put with. */
  public static FakeSysfs simulatedNode() {
    return withSimulatedNode(new FakeSysfs());
  }

  /** The simulated node's sysfs following {@code kernel}'s names, so it shows the NICs under the names they get. */
  public static FakeSysfs simulatedNode(FakeRtnetlink kernel) {
    return simulatedNode(kernel::indexOf);
  }

  /** The simulated node's sysfs following the names {@code kernel} resolves (e.g. {@link LinkIndex#of(Rtnetlink)}). */
  public static FakeSysfs simulatedNode(LinkIndex kernel) {
    return withSimulatedNode(following(kernel));
  }

  private static FakeSysfs withSimulatedNode(FakeSysfs sysfs) {
    return sysfs
        .put(virtioNic("eth0", 2, "0000:00:02.0", "virtio0", "52:54:00:12:34:56"))
        .put(virtioNic("eth1", 3, "0000:00:03.0", "virtio1", "52:54:00:12:34:57"))
        .put(new NetDeviceFacts("lo", 1, 1, 772, "", "00:00:00:00:00:00", 0, 1, 0, 0, "",
            List.of(), List.of(), "", "", ""));
  }

  private static NetDeviceFacts virtioNic(String name, int index, String pci, String virtio, String mac) {
    var pciNode = new DeviceNode(pci, "pci", "", Map.of("modalias", "pci:v00001AF4d00001000sv00001AF4sd00000001bc02sc00i00"), false);
    var virtioNode = new DeviceNode(virtio, "virtio", "", Map.of(), false);
    // virtio: the driver is the virtio device's; the PCI id and slot are on the PCI function, not in device/uevent
    // ethtool's bus-info for virtio_net is the PCI function; 1af4:1000 is the transitional virtio-net device
    return new NetDeviceFacts(name, index, index, 1, "", mac, 0, 1, 0, 0, "", List.of(virtioNode, pciNode),
        List.of(), "virtio_net", "", "", new DriverInfo("virtio_net", "", "", pci),
        new PciIdentity(0x1af4, 0x1000, "Red Hat, Inc.", "Virtio network device"));
  }
}

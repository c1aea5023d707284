package dev.spindle.platform.network;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ethtool for a {@link FakeRtnetlink}: a link that exists there answers with the facts set for it, or as
 * this kernel's drivers answer (measured): veth 10000 Mbit/s, full duplex, twisted pair, driver {@code veth} 1.0;
 * bridge no speed, driver {@code bridge} 2.3, firmware and bus {@code N/A}; loopback no driver info; other kinds their
 * kind as driver name. The carrier is the fake link's {@code IFF_LOWER_UP} (the kernel answers "running and carrier
 * on"). A link that does not exist is {@code ENODEV}. Facts set for a link that exists stay with it when it is
 * renamed (they are kept by ifindex, as the kernel's ethtool answers for the device whatever its name); facts set for
 * a name no link has yet go to the link that gets it.
 */
public final class FakeEthtool implements Ethtool {
  private final FakeRtnetlink rtnl;
  private final Map<Integer, EthtoolFacts> byIndex = new ConcurrentHashMap<>();
  private final Map<String, EthtoolFacts> byName = new ConcurrentHashMap<>();

  public FakeEthtool(FakeRtnetlink rtnl) {
    this.rtnl = Objects.requireNonNull(rtnl, "rtnl");
  }

  /** Sets what {@code link} reports from now on (its carrier comes from the fake kernel unless given here). */
  public FakeEthtool set(String link, EthtoolFacts value) {
    java.util.OptionalInt index = rtnl.indexOf(link);
    if (index.isPresent()) {
      byIndex.put(index.getAsInt(), value);
    } else {
      byName.put(link, value);
    }
    return this;
  }

  /** The simulated node's NICs: virtio_net reports no speed or duplex and no firmware, as under QEMU. */
  public static FakeEthtool simulatedNode(FakeRtnetlink rtnl) {
    var virtio = new EthtoolFacts(null, EthtoolFacts.SPEED_UNKNOWN, EthtoolFacts.DUPLEX_UNKNOWN,
        EthtoolFacts.PORT_OTHER, "virtio_net", "1.0.0", "", "");
    return new FakeEthtool(rtnl).set("eth0", withBus(virtio, "0000:00:02.0")).set("eth1", withBus(virtio,
        "0000:00:03.0"));
  }

  private static EthtoolFacts withBus(EthtoolFacts f, String bus) {
    return new EthtoolFacts(f.linkDetected(), f.speedMbit(), f.duplex(), f.port(), f.driver(), f.driverVersion(),
        f.firmwareVersion(), bus);
  }

  @Override
  public EthtoolFacts facts(String link) throws NetlinkException {
    LinkMessage message = rtnl.link(link);
    boolean carrier = message.hasFlags(Iff.LOWER_UP);
    EthtoolFacts set = byIndex.get(message.index());
    if (set == null) {
      set = byName.get(link);
    }
    if (set != null) {
      return new EthtoolFacts(set.linkDetected() == null ? carrier : set.linkDetected(), set.speedMbit(),
          set.duplex(), set.port(), set.driver(), set.driverVersion(), set.firmwareVersion(), set.busInfo());
    }
    return switch (message.kind()) {
      case "veth" -> new EthtoolFacts(carrier, 10000, EthtoolFacts.DUPLEX_FULL, EthtoolFacts.PORT_TP, "veth", "1.0",
          "", "");
      case "bridge" -> unknownSpeed(carrier, "bridge", "2.3", "N/A", "N/A");
      default -> message.type() == Arphrd.LOOPBACK ? unknownSpeed(carrier, "", "", "", "")
          : unknownSpeed(carrier, message.kind(), "", "", "");
    };
  }

  private static EthtoolFacts unknownSpeed(boolean carrier, String driver, String version, String firmware,
      String bus) {
    return new EthtoolFacts(carrier, EthtoolFacts.SPEED_UNKNOWN, EthtoolFacts.DUPLEX_UNKNOWN, EthtoolFacts.PORT_OTHER,
        driver, version, firmware, bus);
  }

  @Override
  public void close() {}
}

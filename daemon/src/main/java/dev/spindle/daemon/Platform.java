package dev.spindle.daemon;

import dev.spindle.platform.network.FakeEthtool;
import dev.spindle.platform.network.FakeRtnetlink;
import dev.spindle.platform.network.linux.LinuxEthtool;
import dev.spindle.platform.wireguard.FakeWireGuard;
import dev.spindle.platform.wireguard.linux.LinuxWireGuard;
import dev.spindle.platform.network.NetlinkException;
import dev.spindle.platform.network.linux.LinuxRtnetlink;
import dev.spindle.platform.network.Rtnetlink;
import dev.spindle.controllers.time.TimeControllers;
import dev.spindle.platform.time.ClockAdjuster;
import dev.spindle.platform.time.CommonsNetSntp;
import dev.spindle.platform.time.FakeSntp;
import dev.spindle.platform.time.SimulatedClock;
import dev.spindle.platform.time.Sntp;
import dev.spindle.platform.time.linux.LinuxClock;
import dev.spindle.platform.runtime.CmdlineSource;
import dev.spindle.platform.sysfs.FakeSysfs;
import dev.spindle.platform.sysfs.Sysfs;
import dev.spindle.platform.sysfs.linux.LinuxSysfs;
import dev.spindle.platform.runtime.FileCmdlineSource;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Which OS adapters the daemon uses. {@code simulated} (the default) runs on behavioural fakes and needs neither root
 * nor a particular kernel; {@code linux} drives the real kernel.
 */
public enum Platform {
  SIMULATED("simulated"),
  LINUX("linux");

  private final String text;

  Platform(String text) {
    this.text = text;
  }

  public String text() {
    return text;
  }

  public static Platform parse(String text) {
    for (Platform p : values()) {
      if (p.text.equals(text)) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown platform \"" + text + "\" (expected simulated or linux)");
  }

  /**
   * The netlink port of this platform: the kernel's, through FFM, or for the simulated node a behavioural fake with a
   * plausible set of links ({@code lo}, {@code eth0} up, {@code eth1} down).
   */
  public Rtnetlink rtnetlink() throws NetlinkException {
    return this == LINUX ? LinuxRtnetlink.open() : FakeRtnetlink.simulatedNode();
  }

  /**
   * The network ports: the kernel's rtnetlink, sysfs, ethtool and WireGuard on linux; on the simulated node fakes
   * that share one fake kernel (its sysfs follows the kernel's renames, as real sysfs does, so the NICs the network
   * controllers rename to {@code enp0s2} and {@code enp0s3} keep their device facts).
   */
  NetworkPorts networkPorts() throws NetlinkException {
    if (this == LINUX) {
      Rtnetlink rtnl = LinuxRtnetlink.open();
      // the kernel's WireGuard when its module answers, else wireguard-go, else one that says why it cannot
      return new NetworkPorts(rtnl, LinuxSysfs.system(), LinuxEthtool.open(), LinuxWireGuard.open(rtnl));
    }
    FakeRtnetlink kernel = FakeRtnetlink.simulatedNode();
    return new NetworkPorts(kernel, FakeSysfs.simulatedNode(kernel), FakeEthtool.simulatedNode(kernel),
        new FakeWireGuard(kernel));
  }

  /** Link facts from sysfs (predictable names): the real {@code /sys}, or the simulated node's two virtio NICs. */
  public Sysfs sysfs() {
    return this == LINUX ? LinuxSysfs.system() : FakeSysfs.simulatedNode();
  }

  /**
   * The SNTP client: the real one on linux; on the simulated node a fake whose servers (the default
   * {@code time.cloudflare.com} among them) are simulated, so nothing is sent to the network.
   */
  public Sntp sntp() {
    return this == LINUX ? new CommonsNetSntp() : FakeSntp.simulatedNode(new SimulatedClock(Duration.ZERO));
  }

  /** The wall clock the time controller may step: only on linux and only when asked ({@code --set-clock}). */
  public Optional<ClockAdjuster> clock(boolean setClock) {
    return TimeControllers.clock(this == LINUX, setClock, LinuxClock::new);
  }

  /**
   * The kernel command line: {@code /proc/cmdline} on linux; on the simulated node a file in the state directory,
   * written with a plausible default on first start so it can be edited between restarts.
   */
  public CmdlineSource cmdline(Path stateDirectory) throws IOException {
    if (this == LINUX) {
      return CmdlineSource.proc();
    }
    var file = new FileCmdlineSource(stateDirectory.resolve("cmdline"));
    file.createIfAbsent(SIMULATED_CMDLINE);
    return file;
  }

  /** The simulated node's first kernel command line. */
  static final String SIMULATED_CMDLINE = "console=ttyS0 talos.platform=metal";

  /** Where node files go unless {@code --files-root} says otherwise: the real root only on linux. */
  public Path defaultFilesRoot(Path stateDirectory) {
    return this == LINUX ? Path.of("/") : stateDirectory.resolve("root");
  }

  /** Where the daemon keeps its PKI and state unless told otherwise. */
  public Path defaultStateDirectory() {
    return this == LINUX ? Path.of("/var/lib/spindle")
        : Path.of(System.getProperty("user.home"), ".spindle", "simulated");
  }
}

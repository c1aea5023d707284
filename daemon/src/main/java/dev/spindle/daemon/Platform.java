package dev.spindle.daemon;

import dev.spindle.platform.network.FakeRtnetlink;
import dev.spindle.platform.network.NetlinkException;
import dev.spindle.platform.network.linux.LinuxRtnetlink;
import dev.spindle.platform.network.Rtnetlink;
import java.nio.file.Path;

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

  /** Where the daemon keeps its PKI and state unless told otherwise. */
  public Path defaultStateDirectory() {
    return this == LINUX ? Path.of("/var/lib/spindle")
        : Path.of(System.getProperty("user.home"), ".spindle", "simulated");
  }
}

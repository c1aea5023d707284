package dev.spindle.daemon;

import dev.spindle.platform.network.FakeRtnetlink;
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
   * The netlink port of this platform. The simulated node is a behavioural fake with a plausible set of links
   * ({@code lo}, {@code eth0} up, {@code eth1} down); the Linux FFM adapter does not exist yet.
   */
  public Rtnetlink rtnetlink() {
    if (this == LINUX) {
      throw new IllegalStateException("platform linux: the netlink adapter is not available yet (the FFM rtnetlink "
          + "adapter is still to be built); run with --platform simulated");
    }
    return FakeRtnetlink.simulatedNode();
  }

  /** Where the daemon keeps its PKI and state unless told otherwise. */
  public Path defaultStateDirectory() {
    return this == LINUX ? Path.of("/var/lib/spindle")
        : Path.of(System.getProperty("user.home"), ".spindle", "simulated");
  }
}

package dev.spindle.platform.wireguard;

import dev.spindle.platform.network.Errno;
import java.util.List;
import java.util.Objects;

/**
 * The WireGuard of a node that has none (no kernel module and no {@code wireguard-go}): it lists no devices and
 * refuses every change with {@link Errno#EOPNOTSUPP}, saying why, so a WireGuard link in the configuration fails
 * visibly instead of being skipped.
 */
public final class UnavailableWireGuard implements WireGuard {
  private final String why;

  /** The WireGuard of a node that was given none (a controller set up without a WireGuard port). */
  public static UnavailableWireGuard notConfigured() {
    return new UnavailableWireGuard("no wireguard implementation was configured");
  }

  public UnavailableWireGuard(String why) {
    this.why = Objects.requireNonNull(why, "why");
  }

  @Override
  public List<String> devices() {
    return List.of();
  }

  @Override
  public WireguardDevice device(String name) throws WireguardException {
    throw new WireguardException(Errno.EOPNOTSUPP, "reading wireguard device " + name + " (" + why + ")");
  }

  @Override
  public void configure(String name, WireguardConfig config) throws WireguardException {
    throw new WireguardException(Errno.EOPNOTSUPP, "configuring wireguard device " + name + " (" + why + ")");
  }

  @Override
  public void createDevice(String name) throws WireguardException {
    throw new WireguardException(Errno.EOPNOTSUPP, "creating wireguard device " + name + " (" + why + ")");
  }

  @Override
  public void deleteDevice(String name) throws WireguardException {
    throw new WireguardException(Errno.EOPNOTSUPP, "deleting wireguard device " + name + " (" + why + ")");
  }

  @Override
  public void close() {}
}

package dev.spindle.platform.wireguard;

import java.util.List;

/**
 * WireGuard devices of this network namespace: read them and change them. Three implementations pass one contract
 * ({@code WireGuardContract}): the kernel's generic netlink family {@code wireguard}, the userspace UAPI socket of
 * {@code wireguard-go} ({@link UserspaceWireGuard}, for nodes without the module), and {@link FakeWireGuard}.
 *
 * <p>Devices are links: {@link #createDevice} makes one the way the implementation can (an rtnetlink
 * {@code RTM_NEWLINK} of kind {@code wireguard} for the kernel, a {@code wireguard-go} process for userspace), and
 * {@link #deleteDevice} removes it. Every method either succeeds or throws a {@link WireguardException}; a device
 * that does not exist is {@link dev.spindle.platform.network.Errno#ENODEV}.
 */
public interface WireGuard extends AutoCloseable {
  /** Names of the WireGuard devices that exist now, sorted. */
  List<String> devices() throws WireguardException;

  /** {@code wg show <name>}. */
  WireguardDevice device(String name) throws WireguardException;

  /**
   * {@code wg set <name> ...}: applies {@code config} as one change. A peer change with {@code updateOnly} for a peer
   * the device lacks is skipped, a removal of a missing peer does nothing. A refused change changes nothing: an
   * invalid one ({@code EINVAL}) or one whose listen port another socket holds ({@code EADDRINUSE}).
   */
  void configure(String name, WireguardConfig config) throws WireguardException;

  /** Creates an unconfigured device named {@code name}: {@code EEXIST} if a link of that name exists. */
  void createDevice(String name) throws WireguardException;

  /** Deletes the device: {@code ENODEV} if there is no WireGuard device of that name. */
  void deleteDevice(String name) throws WireguardException;

  /**
   * The kind rtnetlink reports for the links of this implementation's devices: {@code wireguard} for the kernel's
   * (and the fake's), {@code tun} for wireguard-go's (a tun device in TUN mode; its link type is none, as the
   * kernel's).
   * A link of this kind is a WireGuard device only if {@link #devices()} lists it: another program's tun is not.
   */
  default String linkKind() {
    return "wireguard";
  }

  /** Releases sockets and stops what {@link #createDevice} started. */
  @Override
  void close();
}

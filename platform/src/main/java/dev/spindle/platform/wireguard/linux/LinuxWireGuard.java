package dev.spindle.platform.wireguard.linux;

import dev.spindle.platform.network.Errno;
import dev.spindle.platform.network.Rtnetlink;
import dev.spindle.platform.wireguard.UnavailableWireGuard;
import dev.spindle.platform.wireguard.UserspaceWireGuard;
import dev.spindle.platform.wireguard.WireGuard;
import dev.spindle.platform.wireguard.WireguardException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The WireGuard of a Linux node, chosen as the node can have it: the kernel's ({@link KernelWireGuard}) when the
 * {@code wireguard} module answers, else wireguard-go's ({@link UserspaceWireGuard}) when {@code wireguard-go} is
 * installed, else an {@link UnavailableWireGuard} that says why (both reasons), so a WireGuard link fails visibly.
 * Any other failure of the kernel's family (a permission, say) is not papered over by userspace: it is the reason.
 */
public final class LinuxWireGuard {
  /** Where {@code wireguard-go} is looked for, in order. */
  public static final List<Path> SEARCH_PATH = List.of(Path.of("/usr/local/sbin"), Path.of("/usr/local/bin"),
      Path.of("/usr/sbin"), Path.of("/usr/bin"), Path.of("/sbin"), Path.of("/bin"));

  /** Opens the kernel's WireGuard, or says why it cannot. */
  interface KernelOpener {
    WireGuard open() throws WireguardException;
  }

  private LinuxWireGuard() {}

  /** The WireGuard of the caller's network namespace; {@code rtnl} must be of the same namespace. */
  public static WireGuard open(Rtnetlink rtnl) {
    return choose(() -> KernelWireGuard.open(rtnl), find(SEARCH_PATH), rtnl);
  }

  static WireGuard choose(KernelOpener kernel, Optional<Path> wireguardGo, Rtnetlink rtnl) {
    try {
      return kernel.open();
    } catch (WireguardException e) {
      if (e.errno() != Errno.ENOENT && e.errno() != Errno.EOPNOTSUPP) {
        return new UnavailableWireGuard(e.getMessage());
      }
      if (wireguardGo.isPresent()) {
        return new UserspaceWireGuard(rtnl, UserspaceWireGuard.DEFAULT_SOCKET_DIRECTORY,
            List.of(wireguardGo.get().toString()), Duration.ofSeconds(5));
      }
      return new UnavailableWireGuard(e.getMessage() + ", and no wireguard-go in " + SEARCH_PATH);
    }
  }

  /** The first executable {@code wireguard-go} in {@code directories}. */
  static Optional<Path> find(List<Path> directories) {
    return directories.stream().map(d -> d.resolve("wireguard-go"))
        .filter(p -> Files.isRegularFile(p) && Files.isExecutable(p)).findFirst();
  }
}

package dev.spindle.platform.wireguard;

import dev.spindle.platform.network.Errno;
import dev.spindle.platform.network.LinkMessage;
import dev.spindle.platform.network.NetlinkException;
import dev.spindle.platform.network.Rtnetlink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * WireGuard in userspace: devices run by {@code wireguard-go}, read and configured through their UAPI sockets
 * ({@code /var/run/wireguard/<name>.sock}, {@link UapiCodec}), for nodes whose kernel has no WireGuard module. No
 * native code: the JDK's Unix domain socket channels and a child process.
 *
 * <p>{@link #createDevice} starts {@code wireguard-go -f <name>} and waits (bounded) until its socket answers; this
 * adapter owns that process, {@link #deleteDevice} stops it (wireguard-go removes its tun link as it exits) and
 * {@link #close} stops every process it started. wireguard-go creates the tun in its own network namespace, which is
 * the JVM's (also under {@code ip netns exec}), or the one a command prefix such as
 * {@code ip netns exec NS wireguard-go} puts it in. A device it did not start (its socket answers) is read and
 * configured all the same.
 *
 * <p>The socket directory is shared by every network namespace that shares the file system, so with an
 * {@link Rtnetlink} of the device's namespace the adapter only sees devices whose link is there: {@link #devices}
 * lists them, the others are {@link Errno#ENODEV}, a link of the name makes {@link #createDevice} {@link Errno#EEXIST},
 * and {@link #deleteDevice} of a device another process started deletes its link (wireguard-go then exits). Without
 * one, every answering socket is a device, and only devices this adapter started can be deleted.
 *
 * <p>wireguard-go lists peers in the order of a Go map, which changes between reads; {@link #device} sorts them by
 * public key, so two reads of an unchanged device are equal. A change is one {@code set=1} (256 peers included).
 * wireguard-go applies it line by line and stops at the first error; a valid {@link WireguardConfig} can only fail on
 * its listen port ({@link Errno#EADDRINUSE}), which goes first, so nothing else was applied, but wireguard-go has by
 * then closed its old port: the adapter binds it again, so a refused change leaves the device as it was.
 */
public final class UserspaceWireGuard implements WireGuard {
  /** Where wireguard-go puts its sockets ({@code wg} looks there too). */
  public static final Path DEFAULT_SOCKET_DIRECTORY = Path.of("/var/run/wireguard");
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration STOP_GRACE = Duration.ofSeconds(5);
  private static final Comparator<WireguardPeer> BY_PUBLIC_KEY = Comparator.comparing(p -> p.publicKey().base64());

  private final Rtnetlink links;
  private final Path socketDirectory;
  private final List<String> command;
  private final Duration startTimeout;
  private final Map<String, WireguardGoProcess> processes = new ConcurrentHashMap<>();

  /** Devices of every namespace sharing {@code /var/run/wireguard}, started with {@code wireguard-go} from PATH. */
  public UserspaceWireGuard() {
    this(null, DEFAULT_SOCKET_DIRECTORY, List.of("wireguard-go"), Duration.ofSeconds(5));
  }

  /** Devices of the namespace {@code links} speaks for (the JVM's, where wireguard-go starts). */
  public UserspaceWireGuard(Rtnetlink links) {
    this(links, DEFAULT_SOCKET_DIRECTORY, List.of("wireguard-go"), Duration.ofSeconds(5));
  }

  /**
   * @param links rtnetlink of the namespace the devices live in, or {@code null} (see the class comment)
   * @param socketDirectory where the UAPI sockets are; wireguard-go always uses {@code /var/run/wireguard} as it sees
   *     it, so another directory is for a mount namespace seen from outside or another UAPI implementation
   * @param command how to start wireguard-go, before {@code -f <name>}: {@code [wireguard-go]}, or
   *     {@code [ip, netns, exec, NS, wireguard-go]} for a namespace other than the JVM's
   * @param startTimeout how long {@link #createDevice} waits for the new device's socket to answer
   */
  public UserspaceWireGuard(Rtnetlink links, Path socketDirectory, List<String> command, Duration startTimeout) {
    this.links = links;
    this.socketDirectory = socketDirectory;
    this.command = List.copyOf(command);
    this.startTimeout = startTimeout;
    if (this.command.isEmpty()) {
      throw new IllegalArgumentException("the command that starts wireguard-go is empty");
    }
  }

  @Override
  public List<String> devices() throws WireguardException {
    if (!Files.isDirectory(socketDirectory)) {
      return List.of();
    }
    List<String> names;
    try (Stream<Path> files = Files.list(socketDirectory)) {
      names = files.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".sock"))
          .map(f -> f.substring(0, f.length() - ".sock".length())).filter(InterfaceNames::valid).sorted().toList();
    } catch (IOException e) {
      throw new WireguardException(Errno.EIO, "listing " + socketDirectory, e);
    }
    List<String> here = links == null ? null : tunLinks("listing wireguard devices");
    var devices = new ArrayList<String>();
    for (String name : names) {
      if ((here == null || here.contains(name)) && UapiSocket.answers(socket(name))) {
        devices.add(name);
      }
    }
    return List.copyOf(devices);
  }

  @Override
  public WireguardDevice device(String name) throws WireguardException {
    String doing = "reading " + name;
    requireHere(name, doing);
    WireguardDevice device = UapiCodec.decodeGet(name, UapiSocket.exchange(socket(name), UapiCodec.GET,
        REQUEST_TIMEOUT, doing));
    return new WireguardDevice(device.name(), device.privateKey(), device.publicKey(), device.listenPort(),
        device.firewallMark(), device.peers().stream().sorted(BY_PUBLIC_KEY).toList());
  }

  @Override
  public void configure(String name, WireguardConfig config) throws WireguardException {
    String doing = "configuring " + name;
    requireHere(name, doing);
    int portBefore = config.listenPort() == null ? -1 : device(name).listenPort();
    try {
      UapiCodec.checkSetAnswer(name, UapiSocket.exchange(socket(name), UapiCodec.encodeSet(config),
          REQUEST_TIMEOUT, doing));
    } catch (WireguardException e) {
      if (e.errno() == Errno.EADDRINUSE && portBefore > 0) {
        restorePort(name, portBefore, e);
      }
      throw e;
    }
  }

  private void restorePort(String name, int port, WireguardException failure) {
    String doing = "binding " + name + " to its port " + port + " again";
    try {
      UapiCodec.checkSetAnswer(name, UapiSocket.exchange(socket(name),
          UapiCodec.encodeSet(new WireguardConfig(null, port, null, false, List.of())), REQUEST_TIMEOUT, doing));
    } catch (WireguardException e) {
      failure.addSuppressed(e);
    }
  }

  @Override
  public synchronized void createDevice(String name) throws WireguardException {
    String doing = "creating " + name;
    if (!InterfaceNames.valid(name)) {
      throw new WireguardException(Errno.EINVAL, doing + " (not a link name)");
    }
    if (UapiSocket.answers(socket(name)) || links != null && link(name, doing) != null) {
      throw new WireguardException(Errno.EEXIST, doing);
    }
    WireguardGoProcess process;
    try {
      process = WireguardGoProcess.start(command, name);
    } catch (IOException e) {
      throw new WireguardException(Errno.ENOENT, doing + " (cannot run " + command.getFirst() + ")", e);
    }
    awaitSocket(process, doing);
    processes.put(name, process);
  }

  private void awaitSocket(WireguardGoProcess process, String doing) throws WireguardException {
    long deadline = System.nanoTime() + startTimeout.toNanos();
    try {
      // the socket directory is shared: a socket that answers may be another namespace's device of the same name
      // (then ours exits, its socket being in use), so the device is ours once its link is here too
      while (!UapiSocket.answers(socket(process.name())) || !process.alive() || links != null
          && !linkKind().equals(kindOf(process.name(), doing))) {
        if (!process.alive()) {
          throw new WireguardException(Errno.EIO, doing + " (wireguard-go " + process.exitReport() + ")");
        }
        if (System.nanoTime() > deadline) {
          process.stop(STOP_GRACE);
          throw new WireguardException(Errno.ETIMEDOUT,
              doing + " (no socket answered within " + startTimeout.toMillis() + " ms)");
        }
        Thread.sleep(5);
      }
    } catch (InterruptedException e) {
      process.terminate();
      Thread.currentThread().interrupt();
      throw new WireguardException(Errno.EINTR, doing);
    }
  }

  @Override
  public synchronized void deleteDevice(String name) throws WireguardException {
    String doing = "deleting " + name;
    WireguardGoProcess process = processes.remove(name);
    if (process != null && process.alive()) {
      try {
        process.stop(STOP_GRACE);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new WireguardException(Errno.EINTR, doing);
      }
      return;
    }
    requireHere(name, doing);
    if (links == null) {
      throw new WireguardException(Errno.EOPNOTSUPP,
          doing + " (wireguard-go was not started here; without rtnetlink its link cannot be deleted)");
    }
    LinkMessage link = link(name, doing);
    try {
      links.deleteLink(link.index());
    } catch (NetlinkException e) {
      throw new WireguardException(e.errno(), doing, e);
    }
  }

  /** wireguard-go's devices are tun links. */
  @Override
  public String linkKind() {
    return "tun";
  }

  /** Stops every wireguard-go this adapter started (their links go with them) and waits for each. */
  @Override
  public synchronized void close() {
    var stopping = List.copyOf(processes.values());
    processes.clear();
    stopping.forEach(WireguardGoProcess::terminate);
    boolean interrupted = false;
    for (WireguardGoProcess process : stopping) {
      try {
        process.stop(STOP_GRACE);
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Process ids of the wireguard-go processes this adapter started and that still run, by device. */
  public Map<String, Long> processes() {
    var running = new java.util.TreeMap<String, Long>();
    processes.forEach((name, p) -> {
      if (p.alive()) {
        running.put(name, p.pid());
      }
    });
    return running;
  }

  private void requireHere(String name, String doing) throws WireguardException {
    if (!InterfaceNames.valid(name)) {
      throw new WireguardException(Errno.ENODEV, doing + " (not a link name)");
    }
    if (links != null) {
      LinkMessage link = link(name, doing);
      if (link == null || !link.kind().equals(linkKind())) {
        throw new WireguardException(Errno.ENODEV, doing + " (no wireguard-go link of that name here)");
      }
    }
  }

  private String kindOf(String name, String doing) throws WireguardException {
    LinkMessage link = link(name, doing);
    return link == null ? null : link.kind();
  }

  private LinkMessage link(String name, String doing) throws WireguardException {
    try {
      return links.link(name);
    } catch (NetlinkException e) {
      if (e.errno() == Errno.ENODEV) {
        return null;
      }
      throw new WireguardException(e.errno(), doing, e);
    }
  }

  private List<String> tunLinks(String doing) throws WireguardException {
    try {
      return links.links().stream().filter(l -> l.kind().equals(linkKind())).map(LinkMessage::name).toList();
    } catch (NetlinkException e) {
      throw new WireguardException(e.errno(), doing, e);
    }
  }

  private Path socket(String name) {
    return socketDirectory.resolve(name + ".sock");
  }
}

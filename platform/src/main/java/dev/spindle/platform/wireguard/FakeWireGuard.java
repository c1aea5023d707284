package dev.spindle.platform.wireguard;

import dev.spindle.platform.network.Errno;
import dev.spindle.platform.network.LinkMessage;
import dev.spindle.platform.network.LinkRequest;
import dev.spindle.platform.network.NetlinkException;
import dev.spindle.platform.network.Rtnetlink;
import dev.spindle.platform.network.WireguardInfo;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A behavioural fake of WireGuard for tests and the simulated node: devices keep keys, ports, marks and peers and
 * change as wireguard-go changes them ({@link FakeWireguardDevice} has the rules), with the same {@link Errno}s
 * ({@code ENODEV}, {@code EEXIST}, {@code EINVAL} for a name no link can have, {@code EADDRINUSE} for a port another
 * device holds); a refused change changes nothing. The public key is derived from the private key; a new device, and
 * one configured with listen port 0, gets a free port from the ephemeral range, as wireguard-go binds one at once.
 *
 * <p>Given an {@link Rtnetlink} (typically a {@code FakeRtnetlink}), devices are its links of kind
 * {@code wireguard}: {@link #createDevice} creates one (type {@code ARPHRD_NONE}, MTU 1420, as the kernel does),
 * {@link #deleteDevice} deletes it, a wireguard link created through rtnetlink (as a link controller does) is a
 * device too, and a device's state follows its link index through renames and goes when the link goes. Without one,
 * the fake keeps its own table of devices by name.
 *
 * <p>Handshakes and traffic do not happen by themselves: {@link #simulateTraffic} stands for a handshake and
 * packets with a peer (its last handshake becomes the clock's now, its counters rise) and {@link #simulateRoaming}
 * for a peer seen at a new endpoint, so controller tests can watch counters rise and check that a change to one peer
 * leaves another's state alone. {@link #failNext} makes the next call fail.
 */
public final class FakeWireGuard implements WireGuard {
  private static final int EPHEMERAL_LOW = 32768;
  private static final int EPHEMERAL_HIGH = 60999;

  private final Rtnetlink links;
  private final Clock clock;
  /** By link index with {@link #links}, by name without. */
  private final Map<Object, FakeWireguardDevice> devices = new HashMap<>();
  private final Deque<Errno> faults = new ArrayDeque<>();

  /** A fake with its own device table and the system clock. */
  public FakeWireGuard() {
    this(null, Clock.systemUTC());
  }

  /** A fake whose devices are the wireguard links of {@code links}. */
  public FakeWireGuard(Rtnetlink links) {
    this(links, Clock.systemUTC());
  }

  /** @param links where devices are links, or {@code null} for a table of the fake's own */
  public FakeWireGuard(Rtnetlink links, Clock clock) {
    this.links = links;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public synchronized List<String> devices() throws WireguardException {
    checkFault("listing wireguard devices");
    if (links == null) {
      return devices.keySet().stream().map(String.class::cast).sorted().toList();
    }
    List<LinkMessage> wireguard = wireguardLinks("listing wireguard devices");
    devices.keySet().retainAll(wireguard.stream().map(LinkMessage::index).toList());
    return wireguard.stream().map(LinkMessage::name).sorted().toList();
  }

  @Override
  public synchronized WireguardDevice device(String name) throws WireguardException {
    String doing = "reading " + name;
    checkFault(doing);
    return state(name, doing).snapshot(name);
  }

  @Override
  public synchronized void configure(String name, WireguardConfig config) throws WireguardException {
    String doing = "configuring " + name;
    checkFault(doing);
    FakeWireguardDevice device = state(name, doing);
    devices.replace(keyOf(name, doing), device.applied(config, port -> portTaken(port, device), this::freePort, doing));
  }

  @Override
  public synchronized void createDevice(String name) throws WireguardException {
    String doing = "creating " + name;
    checkFault(doing);
    if (!InterfaceNames.valid(name)) {
      throw new WireguardException(Errno.EINVAL, doing + " (not a link name)");
    }
    var device = new FakeWireguardDevice();
    device.listenPort = freePort();
    if (links == null) {
      if (devices.containsKey(name)) {
        throw new WireguardException(Errno.EEXIST, doing);
      }
      devices.put(name, device);
      return;
    }
    try {
      links.createLink(LinkRequest.of(name, new WireguardInfo()));
      devices.put(links.link(name).index(), device);
    } catch (NetlinkException e) {
      throw new WireguardException(e.errno(), doing, e);
    }
  }

  @Override
  public synchronized void deleteDevice(String name) throws WireguardException {
    String doing = "deleting " + name;
    checkFault(doing);
    Object key = keyOf(name, doing);
    if (links != null) {
      try {
        links.deleteLink((Integer) key);
      } catch (NetlinkException e) {
        throw new WireguardException(e.errno(), doing, e);
      }
    }
    devices.remove(key);
  }

  @Override
  public void close() {}

  /**
   * A handshake with {@code peer} now (by the fake's clock) and {@code rxBytes}/{@code txBytes} more received from
   * and sent to it.
   */
  public synchronized void simulateTraffic(String name, WireguardKey peer, long rxBytes, long txBytes)
      throws WireguardException {
    String doing = "simulating traffic on " + name;
    FakeWireguardDevice.Peer p = peer(name, peer, doing);
    p.lastHandshake = clock.instant();
    p.rxBytes += rxBytes;
    p.txBytes += txBytes;
  }

  /** {@code peer} seen at {@code endpoint}: the device now sends to it there. */
  public synchronized void simulateRoaming(String name, WireguardKey peer, InetSocketAddress endpoint)
      throws WireguardException {
    peer(name, peer, "simulating roaming on " + name).endpoint = endpoint;
  }

  /** The next call of the port fails with {@code errno} (queued: several calls fail in turn). */
  public synchronized void failNext(Errno errno) {
    faults.add(errno);
  }

  private FakeWireguardDevice.Peer peer(String name, WireguardKey peer, String doing) throws WireguardException {
    FakeWireguardDevice.Peer p = state(name, doing).peers.get(peer);
    if (p == null) {
      throw new WireguardException(Errno.ENOENT, doing + " (no such peer)");
    }
    return p;
  }

  private FakeWireguardDevice state(String name, String doing) throws WireguardException {
    Object key = keyOf(name, doing);
    // a wireguard link made through rtnetlink has had no change yet: wireguard-go would have bound a port already
    return devices.computeIfAbsent(key, k -> {
      var fresh = new FakeWireguardDevice();
      fresh.listenPort = freePort();
      return fresh;
    });
  }

  private Object keyOf(String name, String doing) throws WireguardException {
    if (!InterfaceNames.valid(name)) {
      throw new WireguardException(Errno.ENODEV, doing);
    }
    if (links == null) {
      if (!devices.containsKey(name)) {
        throw new WireguardException(Errno.ENODEV, doing);
      }
      return name;
    }
    LinkMessage link;
    try {
      link = links.link(name);
    } catch (NetlinkException e) {
      throw new WireguardException(e.errno(), doing);
    }
    if (!link.kind().equals("wireguard")) {
      throw new WireguardException(Errno.ENODEV, doing + " (a " + link.kind() + " link, not wireguard)");
    }
    return link.index();
  }

  private List<LinkMessage> wireguardLinks(String doing) throws WireguardException {
    try {
      var out = new ArrayList<LinkMessage>();
      for (LinkMessage link : links.links()) {
        if (link.kind().equals("wireguard")) {
          out.add(link);
        }
      }
      return out;
    } catch (NetlinkException e) {
      throw new WireguardException(e.errno(), doing, e);
    }
  }

  private boolean portTaken(int port, FakeWireguardDevice self) {
    return devices.values().stream().anyMatch(d -> d != self && d.listenPort == port);
  }

  private int freePort() {
    while (true) {
      int port = ThreadLocalRandom.current().nextInt(EPHEMERAL_LOW, EPHEMERAL_HIGH + 1);
      if (!portTaken(port, null)) {
        return port;
      }
    }
  }

  private void checkFault(String doing) throws WireguardException {
    Errno fault = faults.poll();
    if (fault != null) {
      throw new WireguardException(fault, doing + " (injected)");
    }
  }
}

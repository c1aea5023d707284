package dev.spindle.platform.wireguard.linux;

import dev.spindle.platform.network.Errno;
import dev.spindle.platform.network.LinkMessage;
import dev.spindle.platform.network.LinkRequest;
import dev.spindle.platform.network.NetlinkException;
import dev.spindle.platform.network.Rtnetlink;
import dev.spindle.platform.network.WireguardInfo;
import dev.spindle.platform.network.linux.GenericNetlink;
import dev.spindle.platform.network.linux.GenlCodec;
import dev.spindle.platform.network.linux.GenlFamily;
import dev.spindle.platform.network.linux.MalformedNetlinkException;
import dev.spindle.platform.network.linux.NlMsg;
import dev.spindle.platform.wireguard.WireGuard;
import dev.spindle.platform.wireguard.WireguardConfig;
import dev.spindle.platform.wireguard.WireguardDevice;
import dev.spindle.platform.wireguard.WireguardException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@link WireGuard} on the kernel's WireGuard module: devices are read and configured over generic netlink (family
 * {@code wireguard}, resolved once when opened, through {@link GenericNetlink} and {@link WgCodec}), and created,
 * deleted and listed as links of kind {@code wireguard} through an {@link Rtnetlink} of the same network namespace.
 *
 * <p>The {@link Rtnetlink} belongs to the caller (the node shares one): {@link #close()} closes only the generic netlink
 * socket. A kernel without the module (and unable to load it) has no {@code wireguard} family: opening then fails with
 * {@link Errno#ENOENT} and says so, and the caller can fall back to userspace WireGuard.
 *
 * <p>A configuration too large for one message is sent as several ({@link WgConfigEncoder}); the kernel applies each
 * as it arrives. A new listen port goes first and alone, so a port already taken ({@code EADDRINUSE}) changes nothing;
 * the encoder validates everything else it can before anything is sent, so what reaches the kernel is well-formed and
 * a later message is refused only for reasons outside the request (memory, privileges), when the earlier ones stay
 * applied, as with {@code wg setconf}.
 */
public final class KernelWireGuard implements WireGuard {
  private static final int DUMP_ATTEMPTS = 5;

  private final GenlChannel genl;
  private final Rtnetlink rtnl;
  private final int familyId;
  private final int messageLimit;

  private KernelWireGuard(GenlChannel genl, Rtnetlink rtnl, int messageLimit) throws WireguardException {
    this.genl = genl;
    this.rtnl = Objects.requireNonNull(rtnl, "rtnl");
    this.messageLimit = messageLimit;
    this.familyId = resolve(genl).id();
  }

  /** The kernel's WireGuard in the caller's network namespace; {@code rtnl} must be of the same namespace. */
  public static KernelWireGuard open(Rtnetlink rtnl) throws WireguardException {
    return open(rtnl, WgCodec.DEFAULT_MESSAGE_LIMIT);
  }

  /** As {@link #open(Rtnetlink)}, sending set requests of at most {@code messageLimit} bytes each. */
  public static KernelWireGuard open(Rtnetlink rtnl, int messageLimit) throws WireguardException {
    return create(() -> GenlChannel.of(GenericNetlink.open()), rtnl, messageLimit);
  }

  /**
   * The kernel's WireGuard in the network namespace {@code netnsFile} names (as {@code LinuxRtnetlink.inNamespace}
   * opens one); {@code rtnl} must be of that namespace too.
   */
  public static KernelWireGuard inNamespace(Path netnsFile, Rtnetlink rtnl) throws WireguardException {
    return inNamespace(netnsFile, rtnl, WgCodec.DEFAULT_MESSAGE_LIMIT);
  }

  public static KernelWireGuard inNamespace(Path netnsFile, Rtnetlink rtnl, int messageLimit)
      throws WireguardException {
    return create(() -> GenlChannel.of(GenericNetlink.inNamespace(netnsFile)), rtnl, messageLimit);
  }

  interface Opener {
    GenlChannel open() throws NetlinkException;
  }

  /** Over any generic netlink channel: the kernel's socket, or a model of the family in tests. */
  static KernelWireGuard create(Opener opener, Rtnetlink rtnl, int messageLimit) throws WireguardException {
    if (messageLimit < WgConfigEncoder.MIN_LIMIT || messageLimit > WgConfigEncoder.MAX_LIMIT) {
      throw new IllegalArgumentException("wireguard message limit must be " + WgConfigEncoder.MIN_LIMIT + ".."
          + WgConfigEncoder.MAX_LIMIT + " bytes, not " + messageLimit);
    }
    GenlChannel genl;
    try {
      genl = opener.open();
    } catch (NetlinkException e) {
      throw new WireguardException(e.errno(), "opening a generic netlink socket", e);
    }
    try {
      return new KernelWireGuard(genl, rtnl, messageLimit);
    } catch (WireguardException | RuntimeException e) {
      genl.close();
      throw e;
    }
  }

  private static GenlFamily resolve(GenlChannel genl) throws WireguardException {
    try {
      return genl.family(WgCodec.GENL_NAME);
    } catch (NetlinkException e) {
      if (e.errno() == Errno.ENOENT || e.errno() == Errno.EOPNOTSUPP) {
        throw new WireguardException(e.errno(),
            "resolving the generic netlink family wireguard: the wireguard kernel module is not loaded");
      }
      throw new WireguardException(e.errno(), "resolving the generic netlink family wireguard", e);
    }
  }

  /** The generic netlink id the kernel gave the family in this boot. */
  public int familyId() {
    return familyId;
  }

  @Override
  public List<String> devices() throws WireguardException {
    try {
      return rtnl.links().stream().filter(l -> "wireguard".equals(l.kind())).map(LinkMessage::name).sorted()
          .toList();
    } catch (NetlinkException e) {
      throw new WireguardException(e.errno(), "listing wireguard devices", e);
    }
  }

  @Override
  public WireguardDevice device(String name) throws WireguardException {
    String doing = "getting wireguard device " + name;
    checkName(name, doing);
    for (int attempt = 1; ; attempt++) {
      List<ByteBuffer> parts = new ArrayList<>();
      boolean interrupted = false;
      try {
        for (NlMsg.Message m : genl.exchange(seq -> WgCodec.getDeviceRequest(familyId, seq, name), doing)) {
          interrupted |= (m.header().flags() & NlMsg.NLM_F_DUMP_INTR) != 0;
          if (m.header().type() == familyId) {
            parts.add(GenlCodec.decode(m.payload()).attributes());
          }
        }
        if (interrupted && attempt < DUMP_ATTEMPTS) {
          continue; // the device changed during the dump: its parts may not fit together
        }
        return WgCodec.decodeDevice(name, parts);
      } catch (NetlinkException e) {
        throw refused(e, doing);
      } catch (MalformedNetlinkException e) {
        throw new WireguardException(Errno.EIO, doing + ": " + e.getMessage());
      }
    }
  }

  @Override
  public void configure(String name, WireguardConfig config) throws WireguardException {
    String doing = "configuring wireguard device " + name;
    checkName(name, doing);
    List<byte[]> messages;
    try {
      messages = WgCodec.setDeviceAttributes(name, config, messageLimit);
    } catch (IllegalArgumentException e) {
      throw new WireguardException(Errno.EINVAL, doing + ": " + e.getMessage());
    }
    for (int i = 0; i < messages.size(); i++) {
      byte[] attributes = messages.get(i);
      String part = messages.size() == 1 ? doing : doing + " (message " + (i + 1) + " of " + messages.size() + ")";
      try {
        genl.exchange(seq -> WgCodec.setDeviceRequest(familyId, seq, attributes), part);
      } catch (NetlinkException e) {
        throw refused(e, part);
      }
    }
  }

  @Override
  public void createDevice(String name) throws WireguardException {
    String doing = "creating wireguard device " + name;
    checkName(name, doing);
    try {
      rtnl.createLink(LinkRequest.of(name, new WireguardInfo()));
    } catch (NetlinkException e) {
      if (e.errno() == Errno.EOPNOTSUPP) {
        throw new WireguardException(e.errno(), doing + ": the wireguard kernel module is not loaded");
      }
      throw new WireguardException(e.errno(), doing);
    }
  }

  @Override
  public void deleteDevice(String name) throws WireguardException {
    String doing = "deleting wireguard device " + name;
    try {
      LinkMessage link = rtnl.link(name);
      if (!"wireguard".equals(link.kind())) {
        throw new WireguardException(Errno.ENODEV, doing + " (a link of kind \"" + link.kind() + "\")");
      }
      rtnl.deleteLink(link.index());
    } catch (NetlinkException e) {
      throw new WireguardException(e.errno(), doing);
    }
  }

  /** Closes the generic netlink socket; the {@link Rtnetlink} stays open (it is the caller's). */
  @Override
  public void close() {
    genl.close();
  }

  /**
   * The kernel's answer as the port's vocabulary: a link that is not a WireGuard device answers {@code EOPNOTSUPP},
   * which is "no such WireGuard device", {@code ENODEV}, as the contract has it.
   */
  private static WireguardException refused(NetlinkException e, String doing) {
    if (e.errno() == Errno.EOPNOTSUPP) {
      return new WireguardException(Errno.ENODEV, doing + " (not a wireguard device)");
    }
    return new WireguardException(e.errno(), doing);
  }

  private static void checkName(String name, String doing) throws WireguardException {
    try {
      WgCodec.checkName(name);
    } catch (IllegalArgumentException e) {
      throw new WireguardException(Errno.EINVAL, doing + ": " + e.getMessage());
    }
  }
}

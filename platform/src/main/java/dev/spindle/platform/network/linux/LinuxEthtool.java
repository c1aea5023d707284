package dev.spindle.platform.network.linux;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import dev.spindle.platform.network.Errno;
import dev.spindle.platform.network.Ethtool;
import dev.spindle.platform.network.EthtoolFacts;
import dev.spindle.platform.network.NetlinkException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Ethtool over the {@code SIOCETHTOOL} ioctl on an {@code AF_INET} datagram socket, through {@code java.lang.foreign}:
 * {@code ETHTOOL_GLINK} (carrier), {@code ETHTOOL_GSET} (speed, duplex, port; the kernel fills the legacy struct from
 * the driver's link settings) and {@code ETHTOOL_GDRVINFO} (driver, versions, bus). The ioctl answers for the network
 * namespace the socket was created in, so {@link #inNamespace} creates it there.
 */
public final class LinuxEthtool implements Ethtool {
  static final int AF_INET = 2;
  static final int SOCK_DGRAM = 2;
  static final long SIOCETHTOOL = 0x8946;
  static final int ETHTOOL_GSET = 0x1;
  static final int ETHTOOL_GDRVINFO = 0x3;
  static final int ETHTOOL_GLINK = 0xa;
  static final int IFNAMSIZ = 16;
  /** struct ifreq: the name, then a union whose pointer member ifr_data is at offset 16; 40 bytes in all. */
  static final int IFREQ_SIZE = 40;
  /** struct ethtool_cmd. */
  static final int CMD_SIZE = 44;
  /** struct ethtool_drvinfo: cmd, five 32-byte strings, 12 reserved bytes, five u32 counters. */
  static final int DRVINFO_SIZE = 196;

  private static final Linker LINKER = Linker.nativeLinker();
  private static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
  private static final VarHandle ERRNO = CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
  private static final MethodHandle SOCKET = call("socket",
      FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
  private static final MethodHandle IOCTL = call("ioctl", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG,
      ADDRESS), Linker.Option.firstVariadicArg(2));

  private final int fd;

  private LinuxEthtool(int fd) {
    this.fd = fd;
  }

  /** Ethtool for the calling thread's network namespace. */
  public static LinuxEthtool open() throws NetlinkException {
    return new LinuxEthtool(socket());
  }

  /** Ethtool for the network namespace {@code netnsFile} names (needs {@code CAP_SYS_ADMIN}). */
  public static LinuxEthtool inNamespace(Path netnsFile) throws NetlinkException {
    int nsFd = NetlinkSocket.openFile(netnsFile.toString());
    try {
      return new LinuxEthtool(NetlinkSocket.inNamespace(nsFd, LinuxEthtool::socket));
    } finally {
      NetlinkSocket.closeFd(nsFd);
    }
  }

  @Override
  public EthtoolFacts facts(String link) throws NetlinkException {
    byte[] name = link.getBytes(StandardCharsets.UTF_8);
    if (name.length >= IFNAMSIZ || name.length == 0) {
      throw new NetlinkException(Errno.ENODEV, "ethtool on link " + link);
    }
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment value = arena.allocate(8, 4);
      value.set(JAVA_INT, 0, ETHTOOL_GLINK);
      Boolean carrier = ioctl(arena, name, value, link) ? value.get(JAVA_INT, 4) != 0 : null;

      MemorySegment cmd = arena.allocate(CMD_SIZE, 4);
      cmd.set(JAVA_INT, 0, ETHTOOL_GSET);
      int speed = EthtoolFacts.SPEED_UNKNOWN;
      int duplex = EthtoolFacts.DUPLEX_UNKNOWN;
      int port = EthtoolFacts.PORT_OTHER;
      if (ioctl(arena, name, cmd, link)) {
        int raw = Short.toUnsignedInt(cmd.get(JAVA_SHORT, 12)) | Short.toUnsignedInt(cmd.get(JAVA_SHORT, 28)) << 16;
        speed = raw == 0xffffffff || raw == 0 ? EthtoolFacts.SPEED_UNKNOWN : raw;
        duplex = Byte.toUnsignedInt(cmd.get(JAVA_BYTE, 14));
        port = Byte.toUnsignedInt(cmd.get(JAVA_BYTE, 15));
      }

      MemorySegment info = arena.allocate(DRVINFO_SIZE, 4);
      info.set(JAVA_INT, 0, ETHTOOL_GDRVINFO);
      if (!ioctl(arena, name, info, link)) {
        return new EthtoolFacts(carrier, speed, duplex, port, "", "", "", "");
      }
      return new EthtoolFacts(carrier, speed, duplex, port, text(info, 4), text(info, 36), text(info, 68),
          text(info, 100));
    }
  }

  /**
   * One {@code SIOCETHTOOL} request with {@code data} as {@code ifr_data}: true if the driver answered, false if it
   * has no such operation.
   */
  private boolean ioctl(Arena arena, byte[] name, MemorySegment data, String link) throws NetlinkException {
    MemorySegment ifreq = arena.allocate(IFREQ_SIZE, 8);
    MemorySegment.copy(name, 0, ifreq, JAVA_BYTE, 0, name.length);
    ifreq.set(ADDRESS, 16, data);
    MemorySegment state = arena.allocate(CAPTURE);
    int rc;
    try {
      rc = (int) IOCTL.invokeExact(state, fd, SIOCETHTOOL, ifreq);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
    if (rc >= 0) {
      return true;
    }
    int errno = (int) ERRNO.get(state, 0L);
    Errno e = Errno.of(errno);
    if (e == Errno.EOPNOTSUPP || e == Errno.EINVAL) {
      return false;
    }
    throw new NetlinkException(errno, "ethtool on link " + link);
  }

  private static String text(MemorySegment s, long offset) {
    byte[] raw = s.asSlice(offset, 32).toArray(JAVA_BYTE);
    int end = 0;
    while (end < raw.length && raw[end] != 0) {
      end++;
    }
    return new String(raw, 0, end, StandardCharsets.UTF_8);
  }

  private static int socket() throws NetlinkException {
    try (Arena a = Arena.ofConfined()) {
      MemorySegment state = a.allocate(CAPTURE);
      int fd = (int) SOCKET.invokeExact(state, AF_INET, SOCK_DGRAM | NetlinkSocket.SOCK_CLOEXEC, 0);
      if (fd < 0) {
        throw new NetlinkException((int) ERRNO.get(state, 0L), "opening an ethtool socket");
      }
      return fd;
    } catch (NetlinkException | RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  private static MethodHandle call(String name, FunctionDescriptor descriptor, Linker.Option... more) {
    Linker.Option[] options = new Linker.Option[more.length + 1];
    options[0] = Linker.Option.captureCallState("errno");
    System.arraycopy(more, 0, options, 1, more.length);
    var symbol = LINKER.defaultLookup().find(name).orElseThrow(() -> new UnsatisfiedLinkError("libc has no " + name));
    return LINKER.downcallHandle(symbol, descriptor, options);
  }

  @Override
  public void close() {
    NetlinkSocket.closeFd(fd);
  }
}

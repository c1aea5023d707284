package dev.spindle.platform.network.linux;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import dev.spindle.platform.network.NetlinkException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * A netlink socket ({@code NETLINK_ROUTE}, or {@code NETLINK_GENERIC} for generic netlink families) through {@code java.lang.foreign} downcalls into libc: no JNI, no native build. Also
 * holds the few other syscalls the adapter needs ({@code open}, {@code setns}, {@code eventfd}, {@code poll}).
 * Failures carry the C {@code errno}, captured right after the call.
 *
 * <p>Blocking calls ({@link #receive}, {@link #poll}) hold their OS thread: a virtual thread calling them pins its
 * carrier, so long waits belong on platform threads.
 */
final class NetlinkSocket implements AutoCloseable {
  static final int AF_NETLINK = 16;
  static final int SOCK_RAW = 3;
  static final int SOCK_CLOEXEC = 0x80000;
  static final int NETLINK_ROUTE = 0;
  static final int NETLINK_GENERIC = 16;
  static final int RTMGRP_LINK = 1;
  static final int RTMGRP_IPV4_IFADDR = 0x10;
  static final int RTMGRP_IPV6_IFADDR = 0x100;
  static final int RTMGRP_IPV4_ROUTE = 0x40;
  static final int RTMGRP_IPV6_ROUTE = 0x400;
  static final int RTMGRP_IPV4_RULE = 0x80;
  /** RTNLGRP_IPV6_RULE (19) has no RTMGRP_ constant; as a bind mask it is bit 18. */
  static final int RTMGRP_IPV6_RULE = 1 << 18;
  static final int SOL_SOCKET = 1;
  static final int SO_RCVBUF = 8;
  static final int MSG_DONTWAIT = 0x40;
  static final int MSG_TRUNC = 0x20;
  static final int O_RDONLY = 0;
  static final int O_CLOEXEC = 0x80000;
  static final int CLONE_NEWNET = 0x40000000;
  static final int EFD_CLOEXEC = 0x80000;
  static final short POLLIN = 1;
  static final int EINTR = 4;
  static final int EAGAIN = 11;

  private static final Linker LINKER = Linker.nativeLinker();
  private static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
  private static final VarHandle ERRNO = CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));

  private static final MethodHandle SOCKET = call("socket", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
  private static final MethodHandle BIND = call("bind", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
  private static final MethodHandle SEND =
      call("send", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT));
  private static final MethodHandle RECV =
      call("recv", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT));
  private static final MethodHandle SETSOCKOPT =
      call("setsockopt", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
  private static final MethodHandle CLOSE = call("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
  private static final MethodHandle OPEN = call("open", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT),
      Linker.Option.firstVariadicArg(2));
  private static final MethodHandle SETNS = call("setns", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
  private static final MethodHandle EVENTFD = call("eventfd", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
  private static final MethodHandle WRITE =
      call("write", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG));
  private static final MethodHandle POLL =
      call("poll", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT));

  /** Large enough for any one datagram the kernel sends a dump in (at most 32 KiB since Linux 6.5). */
  static final int RECEIVE_BUFFER = 64 * 1024;

  private final int fd;
  private final Arena arena = Arena.ofShared();
  private final MemorySegment buffer = arena.allocate(RECEIVE_BUFFER, 8);

  private NetlinkSocket(int fd) {
    this.fd = fd;
  }

  private static MethodHandle call(String name, FunctionDescriptor descriptor, Linker.Option... more) {
    Linker.Option[] options = new Linker.Option[more.length + 1];
    options[0] = Linker.Option.captureCallState("errno");
    System.arraycopy(more, 0, options, 1, more.length);
    var symbol = LINKER.defaultLookup().find(name)
        .orElseThrow(() -> new UnsatisfiedLinkError("libc has no " + name));
    return LINKER.downcallHandle(symbol, descriptor, options);
  }

  /** Opens a {@code NETLINK_ROUTE} socket in the calling thread's network namespace, bound to {@code groups}. */
  static NetlinkSocket open(int groups) throws NetlinkException {
    return open(NETLINK_ROUTE, groups);
  }

  /** Opens a socket of netlink {@code protocol} in the calling thread's network namespace, bound to {@code groups}. */
  static NetlinkSocket open(int protocol, int groups) throws NetlinkException {
    try (Arena a = Arena.ofConfined()) {
      MemorySegment errno = a.allocate(CAPTURE);
      int fd = (int) SOCKET.invokeExact(errno, AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, protocol);
      check(fd, errno, "opening a netlink socket");
      var socket = new NetlinkSocket(fd);
      try {
        if (groups != 0) {
          socket.setInt(SOL_SOCKET, SO_RCVBUF, 1 << 20); // fewer ENOBUFS on event bursts; capped by rmem_max
        }
        // struct sockaddr_nl { sa_family_t nl_family; unsigned short nl_pad; __u32 nl_pid; __u32 nl_groups; }
        MemorySegment addr = a.allocate(12, 4);
        addr.set(JAVA_SHORT, 0, (short) AF_NETLINK);
        addr.set(JAVA_INT, 4, 0);
        addr.set(JAVA_INT, 8, groups);
        int rc = (int) BIND.invokeExact(errno, fd, addr, 12);
        check(rc, errno, "binding a netlink socket");
        return socket;
      } catch (NetlinkException | RuntimeException | Error e) {
        socket.close();
        throw e;
      }
    } catch (NetlinkException | RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  /**
   * Opens a socket of {@code protocol} in the network namespace {@code netnsFd} refers to, or in the caller's when it is
   * negative. A socket belongs to the namespace it was created in, and {@code setns(2)} moves only the calling OS thread,
   * so the socket is created on a short-lived <em>platform</em> thread that enters the namespace, opens it and returns
   * to the namespace it started in: the caller's own thread (virtual or not) never changes namespace.
   */
  static NetlinkSocket openIn(int netnsFd, int protocol, int groups) throws NetlinkException {
    return netnsFd < 0 ? open(protocol, groups) : inNamespace(netnsFd, () -> open(protocol, groups));
  }

  /** What {@link #inNamespace} runs inside the namespace: opens a socket (or anything else bound to it). */
  interface NamespacedOpen<T> {
    T open() throws NetlinkException;
  }

  /**
   * Runs {@code open} on a short-lived platform thread inside the network namespace {@code netnsFd} refers to, then
   * returns that thread to the namespace it started in; the caller's own thread never changes namespace.
   */
  static <T> T inNamespace(int netnsFd, NamespacedOpen<T> open) throws NetlinkException {
    var task = new FutureTask<>(() -> {
      int original = openFile("/proc/thread-self/ns/net");
      try {
        setns(netnsFd);
        try {
          return open.open();
        } finally {
          setns(original); // the thread ends next anyway; restore in case it is ever reused
        }
      } finally {
        closeFd(original);
      }
    });
    Thread.ofPlatform().name("netns-open").daemon().start(task);
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NetlinkException(dev.spindle.platform.network.Errno.EINTR, "opening a socket in a namespace");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof NetlinkException n) {
        throw n;
      }
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  int fd() {
    return fd;
  }

  void setInt(int level, int option, int value) throws NetlinkException {
    try (Arena a = Arena.ofConfined()) {
      MemorySegment errno = a.allocate(CAPTURE);
      MemorySegment v = a.allocate(JAVA_INT);
      v.set(JAVA_INT, 0, value);
      int rc = (int) SETSOCKOPT.invokeExact(errno, fd, level, option, v, 4);
      check(rc, errno, "setting socket option " + option);
    } catch (NetlinkException | RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  void send(byte[] message) throws NetlinkException {
    try (Arena a = Arena.ofConfined()) {
      MemorySegment errno = a.allocate(CAPTURE);
      MemorySegment data = a.allocate(message.length, 8);
      data.copyFrom(MemorySegment.ofArray(message));
      while (true) {
        long n = (long) SEND.invokeExact(errno, fd, data, (long) message.length, 0);
        if (n < 0 && errno(errno) == EINTR) {
          continue;
        }
        check(n, errno, "sending to netlink");
        if (n != message.length) {
          throw new NetlinkException(dev.spindle.platform.network.Errno.EIO, "short netlink send");
        }
        return;
      }
    } catch (NetlinkException | RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  /**
   * Receives one datagram; {@code null} if {@code dontWait} and nothing is queued. A datagram larger than the buffer
   * is {@code EMSGSIZE}; an overrun socket is {@code ENOBUFS}. Not for concurrent use.
   */
  ByteBuffer receive(boolean dontWait) throws NetlinkException {
    try (Arena a = Arena.ofConfined()) {
      MemorySegment errno = a.allocate(CAPTURE);
      int flags = MSG_TRUNC | (dontWait ? MSG_DONTWAIT : 0);
      while (true) {
        long n = (long) RECV.invokeExact(errno, fd, buffer, (long) RECEIVE_BUFFER, flags);
        if (n < 0 && errno(errno) == EINTR) {
          continue;
        }
        if (n < 0 && dontWait && errno(errno) == EAGAIN) {
          return null;
        }
        check(n, errno, "receiving from netlink");
        if (n > RECEIVE_BUFFER) {
          throw new NetlinkException(dev.spindle.platform.network.Errno.EMSGSIZE,
              "netlink datagram of " + n + " bytes exceeds the receive buffer");
        }
        byte[] copy = buffer.asSlice(0, n).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
        return ByteBuffer.wrap(copy).order(ByteOrder.nativeOrder());
      }
    } catch (NetlinkException | RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  @Override
  public void close() {
    closeFd(fd);
    arena.close();
  }

  // --- other syscalls ------------------------------------------------------------------------------------------

  static int openFile(String path) throws NetlinkException {
    try (Arena a = Arena.ofConfined()) {
      MemorySegment errno = a.allocate(CAPTURE);
      int fd = (int) OPEN.invokeExact(errno, a.allocateFrom(path), O_RDONLY | O_CLOEXEC, 0);
      check(fd, errno, "opening " + path);
      return fd;
    } catch (NetlinkException | RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  /** Moves the calling OS thread (only it) into the network namespace {@code nsFd} refers to. */
  static void setns(int nsFd) throws NetlinkException {
    try (Arena a = Arena.ofConfined()) {
      MemorySegment errno = a.allocate(CAPTURE);
      int rc = (int) SETNS.invokeExact(errno, nsFd, CLONE_NEWNET);
      check(rc, errno, "entering a network namespace");
    } catch (NetlinkException | RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  static int eventfd() throws NetlinkException {
    try (Arena a = Arena.ofConfined()) {
      MemorySegment errno = a.allocate(CAPTURE);
      int fd = (int) EVENTFD.invokeExact(errno, 0, EFD_CLOEXEC);
      check(fd, errno, "creating an eventfd");
      return fd;
    } catch (NetlinkException | RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  /** Adds one to an eventfd's counter, waking whoever polls it. */
  static void signal(int eventFd) {
    try (Arena a = Arena.ofConfined()) {
      MemorySegment errno = a.allocate(CAPTURE);
      MemorySegment one = a.allocate(JAVA_LONG);
      one.set(JAVA_LONG, 0, 1L);
      long n = (long) WRITE.invokeExact(errno, eventFd, one, 8L);
      if (n != 8) {
        throw new IllegalStateException("signalling eventfd " + eventFd + ": errno " + errno(errno));
      }
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  /**
   * Blocks until one of {@code fds} is readable (or has an error or hang-up); returns which, as a bit set by position.
   */
  static int poll(int... fds) throws NetlinkException {
    try (Arena a = Arena.ofConfined()) {
      MemorySegment errno = a.allocate(CAPTURE);
      // struct pollfd { int fd; short events; short revents; }
      MemorySegment pollfds = a.allocate(8L * fds.length, 4);
      for (int i = 0; i < fds.length; i++) {
        pollfds.set(JAVA_INT, 8L * i, fds[i]);
        pollfds.set(JAVA_SHORT, 8L * i + 4, POLLIN);
        pollfds.set(JAVA_SHORT, 8L * i + 6, (short) 0);
      }
      while (true) {
        int rc = (int) POLL.invokeExact(errno, pollfds, (long) fds.length, -1);
        if (rc < 0 && errno(errno) == EINTR) {
          continue;
        }
        check(rc, errno, "polling");
        int ready = 0;
        for (int i = 0; i < fds.length; i++) {
          if (pollfds.get(JAVA_SHORT, 8L * i + 6) != 0) {
            ready |= 1 << i;
          }
        }
        if (ready != 0) {
          return ready;
        }
      }
    } catch (NetlinkException | RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  static void closeFd(int fd) {
    try (Arena a = Arena.ofConfined()) {
      int ignored = (int) CLOSE.invokeExact(a.allocate(CAPTURE), fd); // EINTR on close: the fd is gone anyway
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  private static int errno(MemorySegment state) {
    return (int) ERRNO.get(state, 0L);
  }

  private static void check(long rc, MemorySegment state, String doing) throws NetlinkException {
    if (rc < 0) {
      throw new NetlinkException(errno(state), doing);
    }
  }
}

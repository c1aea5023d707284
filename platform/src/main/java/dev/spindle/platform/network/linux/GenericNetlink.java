package dev.spindle.platform.network.linux;

import dev.spindle.platform.network.Errno;
import dev.spindle.platform.network.NetlinkException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntFunction;

/**
 * A {@code NETLINK_GENERIC} socket for request/answer exchanges with generic netlink families (WireGuard, and later
 * ethtool): family lookup through the controller, then requests built by the family's codec. Exchanges are serialized
 * on one socket; the answer is collected up to its {@code NLMSG_DONE} (a dump) or its acknowledgement.
 *
 * <p>Unlike {@link LinuxRtnetlink} it keeps no namespace file open: it never opens a second socket, so the one it
 * created keeps its namespace alive by itself.
 */
public final class GenericNetlink implements AutoCloseable {
  private final ReentrantLock lock = new ReentrantLock();
  private final NetlinkSocket socket;
  private int seq = (int) (System.nanoTime() & 0x3fffffff);
  private boolean closed;

  private GenericNetlink(NetlinkSocket socket) {
    this.socket = socket;
  }

  /** A socket in the network namespace of the calling thread. */
  public static GenericNetlink open() throws NetlinkException {
    return new GenericNetlink(NetlinkSocket.open(NetlinkSocket.NETLINK_GENERIC, 0));
  }

  /**
   * A socket in the network namespace {@code netnsFile} names ({@code /var/run/netns/<name>}, {@code /proc/<pid>/ns/net}),
   * created as {@link LinuxRtnetlink#inNamespace} creates its sockets. Needs {@code CAP_SYS_ADMIN}.
   */
  public static GenericNetlink inNamespace(Path netnsFile) throws NetlinkException {
    int fd = NetlinkSocket.openFile(netnsFile.toString());
    try {
      return new GenericNetlink(NetlinkSocket.openIn(fd, NetlinkSocket.NETLINK_GENERIC, 0));
    } finally {
      NetlinkSocket.closeFd(fd);
    }
  }

  /**
   * Looks up a family by name. {@link Errno#ENOENT} when no such family is registered (its module is not loaded and
   * the kernel could not load it).
   */
  public GenlFamily family(String name) throws NetlinkException {
    String doing = "resolving generic netlink family " + name;
    List<NlMsg.Message> answer = exchange(seq -> GenlCodec.getFamilyRequest(seq, name), doing);
    for (NlMsg.Message m : answer) {
      if (m.header().type() == GenlCodec.GENL_ID_CTRL) {
        try {
          return GenlCodec.decodeFamily(m.payload());
        } catch (MalformedNetlinkException e) {
          throw new NetlinkException(Errno.EIO, doing + ": " + e.getMessage());
        }
      }
    }
    throw new NetlinkException(Errno.EIO, doing + ": the controller sent no family");
  }

  /**
   * Sends the request {@code request} builds for a sequence number and returns the answer's messages (not the
   * {@code NLMSG_DONE} or acknowledgement that ends it). An {@code NLMSG_ERROR} with an errno, or a dump whose
   * {@code NLMSG_DONE} carries one, is a {@link NetlinkException} saying {@code doing}.
   */
  public List<NlMsg.Message> exchange(IntFunction<byte[]> request, String doing) throws NetlinkException {
    lock.lock();
    try {
      if (closed) {
        throw new NetlinkException(Errno.EIO, doing + ": socket closed");
      }
      int mySeq = ++seq;
      return NlExchange.run(socket, request.apply(mySeq), mySeq, doing);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() {
    lock.lock();
    try {
      if (!closed) {
        closed = true;
        socket.close();
      }
    } finally {
      lock.unlock();
    }
  }
}

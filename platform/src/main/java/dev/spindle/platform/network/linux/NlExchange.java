package dev.spindle.platform.network.linux;

import dev.spindle.platform.network.Errno;
import dev.spindle.platform.network.NetlinkException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * One netlink request and its answer on a socket, for rtnetlink and generic netlink alike: the answer's messages (not
 * the {@code NLMSG_DONE} or acknowledgement that ends it), a single message or a multipart dump. An
 * {@code NLMSG_ERROR} with an errno, or a dump whose {@code NLMSG_DONE} carries one, is a {@link NetlinkException}
 * saying {@code doing}; an overrun is {@code ENOBUFS}. Messages of other sequence numbers are the tails of earlier,
 * abandoned exchanges and are skipped. The caller serialises exchanges on the socket.
 */
final class NlExchange {
  private NlExchange() {}

  static List<NlMsg.Message> run(NetlinkSocket socket, byte[] request, int seq, String doing)
      throws NetlinkException {
    socket.send(request);
    List<NlMsg.Message> answer = new ArrayList<>();
    while (true) {
      for (NlMsg.Message m : split(socket.receive(false), doing)) {
        if (m.header().seq() == seq && ends(m, answer, doing)) {
          return answer;
        }
      }
    }
  }

  /** Files one message of the answer; true when it ends the exchange. */
  private static boolean ends(NlMsg.Message m, List<NlMsg.Message> answer, String doing) throws NetlinkException {
    switch (m.header().type()) {
      case NlMsg.NLMSG_NOOP -> {
        return false;
      }
      case NlMsg.NLMSG_ERROR -> {
        int code = errorCode(m, doing);
        if (code != 0) {
          throw new NetlinkException(code, doing);
        }
        return true;
      }
      case NlMsg.NLMSG_DONE -> {
        if (m.payload().remaining() >= 4) {
          int code = errorCode(m, doing);
          if (code < 0) {
            throw new NetlinkException(code, doing);
          }
        }
        return true;
      }
      case NlMsg.NLMSG_OVERRUN -> throw new NetlinkException(Errno.ENOBUFS, doing);
      default -> {
        answer.add(m);
        // a single answer ends it; an acknowledgement the request also asked for is skipped next time, by its seq
        return (m.header().flags() & NlMsg.NLM_F_MULTI) == 0;
      }
    }
  }

  private static List<NlMsg.Message> split(ByteBuffer datagram, String doing) throws NetlinkException {
    try {
      return NlMsg.split(datagram);
    } catch (MalformedNetlinkException e) {
      throw new NetlinkException(Errno.EIO, doing + ": " + e.getMessage());
    }
  }

  private static int errorCode(NlMsg.Message m, String doing) throws NetlinkException {
    try {
      return NlMsg.errorCode(m.payload());
    } catch (MalformedNetlinkException e) {
      throw new NetlinkException(Errno.EIO, doing + ": " + e.getMessage());
    }
  }
}

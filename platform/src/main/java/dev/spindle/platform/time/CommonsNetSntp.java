package dev.spindle.platform.time;

import java.io.IOException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import org.apache.commons.net.ntp.NTPUDPClient;
import org.apache.commons.net.ntp.NtpV3Packet;
import org.apache.commons.net.ntp.TimeInfo;

/**
 * The real {@link Sntp}: one NTPv4 client-mode query over UDP with Apache Commons Net's {@link NTPUDPClient}, offset
 * and delay computed from the four timestamps (RFC 5905 §8), then validated the way Talos's client (beevik/ntp) does:
 * stratum 0 is a kiss-o'-death, leap indicator 3 or stratum above 15 an unsynchronized server. A name is resolved
 * to all its addresses and each is asked in turn until one answers, as Talos does.
 */
public final class CommonsNetSntp implements Sntp {
  @Override
  public SntpResult query(SntpServer server, Duration timeout) throws SntpException {
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(server.host());
    } catch (UnknownHostException e) {
      throw new SntpException(SntpException.Reason.UNRESOLVED, "time server " + server + ": cannot resolve "
          + server.host(), e);
    }
    SntpException last = null;
    for (InetAddress address : addresses) {
      try {
        return ask(server, address, timeout);
      } catch (SntpException e) {
        last = e;
      }
    }
    throw last;
  }

  private static SntpResult ask(SntpServer server, InetAddress address, Duration timeout) throws SntpException {
    String where = "time server " + server + " (" + address.getHostAddress() + ")";
    NTPUDPClient client = new NTPUDPClient();
    client.setDefaultTimeout(timeout);
    client.setVersion(NtpV3Packet.VERSION_4);
    try {
      client.open();
      TimeInfo info = client.getTime(address, server.port());
      info.computeDetails();
      return validated(server, address, info, where);
    } catch (SocketTimeoutException e) {
      throw new SntpException(SntpException.Reason.TIMEOUT, where + ": no answer within " + timeout.toMillis() + " ms",
          e);
    } catch (IOException e) {
      throw new SntpException(SntpException.Reason.IO, where + ": " + e.getMessage(), e);
    } finally {
      client.close();
    }
  }

  private static SntpResult validated(SntpServer server, InetAddress address, TimeInfo info, String where)
      throws SntpException {
    NtpV3Packet message = info.getMessage();
    int stratum = message.getStratum();
    if (stratum == 0) {
      throw new SntpException(SntpException.Reason.KISS_OF_DEATH, where + ": kiss-o'-death "
          + message.getReferenceIdString());
    }
    Leap leap = Leap.of(message.getLeapIndicator());
    if (leap == Leap.UNSYNCHRONIZED || stratum > 15) {
      throw new SntpException(SntpException.Reason.UNSYNCHRONIZED, where + ": the server is not synchronized (leap "
          + message.getLeapIndicator() + ", stratum " + stratum + ")");
    }
    if (info.getOffset() == null || info.getDelay() == null) {
      throw new SntpException(SntpException.Reason.IO, where + ": the answer lacks timestamps");
    }
    return new SntpResult(server, address.getHostAddress(), Duration.ofMillis(info.getOffset()),
        Duration.ofMillis(Math.max(0, info.getDelay())), stratum, leap);
  }
}

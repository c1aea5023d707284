package dev.spindle.platform.time;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny SNTP server on 127.0.0.1 for tests: answers each client packet with its clock {@code error} away from the
 * JVM's, the configured stratum and leap indicator, echoing the client's transmit time as the originate time
 * (RFC 4330 §5). Stratum 0 makes it a kiss-o'-death sender; {@link #silence} makes it swallow requests.
 */
final class SntpResponder implements AutoCloseable {
  private static final long NTP_EPOCH_OFFSET = 2_208_988_800L;

  private final DatagramSocket socket;
  private final Thread thread;
  private final AtomicInteger answered = new AtomicInteger();
  private volatile Duration error = Duration.ZERO;
  private volatile int stratum = 2;
  private volatile int leap = 0;
  private volatile boolean silent;

  SntpResponder() throws SocketException {
    socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    thread = Thread.ofVirtual().name("sntp-responder").start(this::serve);
  }

  int port() {
    return socket.getLocalPort();
  }

  String entry() {
    return "127.0.0.1:" + port();
  }

  int answered() {
    return answered.get();
  }

  SntpResponder error(Duration e) {
    this.error = e;
    return this;
  }

  SntpResponder stratum(int s) {
    this.stratum = s;
    return this;
  }

  SntpResponder leap(int l) {
    this.leap = l;
    return this;
  }

  SntpResponder silence() {
    this.silent = true;
    return this;
  }

  private void serve() {
    byte[] buffer = new byte[512];
    while (!socket.isClosed()) {
      DatagramPacket request = new DatagramPacket(buffer, buffer.length);
      try {
        socket.receive(request);
        Instant received = Instant.now().plus(error);
        if (silent || request.getLength() < 48) {
          continue;
        }
        byte[] reply = reply(buffer, received);
        // counted before it is sent: the client may read the count as soon as the answer arrives
        answered.incrementAndGet();
        socket.send(new DatagramPacket(reply, reply.length, request.getSocketAddress()));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private byte[] reply(byte[] request, Instant received) {
    ByteBuffer out = ByteBuffer.allocate(48);
    out.put((byte) ((leap << 6) | (4 << 3) | 4)); // version 4, mode 4 (server)
    out.put((byte) stratum);
    out.put((byte) 4); // poll 16 s
    out.put((byte) -20); // precision ~1 µs
    out.putInt(0); // root delay
    out.putInt(0); // root dispersion
    out.put(stratum == 0 ? "RATE".getBytes() : "LOCL".getBytes());
    putTimestamp(out, received.minusSeconds(10)); // reference time
    out.put(request, 40, 8); // originate = the client's transmit time
    putTimestamp(out, received);
    putTimestamp(out, Instant.now().plus(error));
    return out.array();
  }

  private static void putTimestamp(ByteBuffer out, Instant t) {
    out.putInt((int) (t.getEpochSecond() + NTP_EPOCH_OFFSET));
    out.putInt((int) ((t.getNano() * (1L << 32)) / 1_000_000_000L));
  }

  @Override
  public void close() throws InterruptedException {
    socket.close();
    thread.join();
  }
}

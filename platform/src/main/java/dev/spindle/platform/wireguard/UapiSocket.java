package dev.spindle.platform.wireguard;

import dev.spindle.platform.network.Errno;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One request and its answer over a UAPI socket ({@code <dir>/<name>.sock}), through the JDK's Unix domain socket
 * channels: a connection per request, which wireguard-go serves on a goroutine of its own, so concurrent requests do
 * not queue behind each other here. The answer is complete at its blank line; a device that does not answer within
 * the timeout is {@link Errno#ETIMEDOUT} (non-blocking I/O with a selector, so no thread is left blocked).
 */
final class UapiSocket {
  private UapiSocket() {}

  /**
   * Sends {@code request} and returns the answer up to and including its blank line.
   *
   * @throws WireguardException {@link Errno#ENODEV} if no socket file exists or nothing listens on it (a socket left
   *     by a process that died), {@link Errno#ETIMEDOUT}, or {@link Errno#EIO} if the connection fails or closes early
   */
  static String exchange(Path socket, String request, Duration timeout, String doing) throws WireguardException {
    long deadline = System.nanoTime() + timeout.toNanos();
    try (SocketChannel channel = connect(socket, doing); Selector selector = Selector.open()) {
      channel.configureBlocking(false);
      SelectionKey key = channel.register(selector, SelectionKey.OP_WRITE);
      ByteBuffer out = ByteBuffer.wrap(request.getBytes(StandardCharsets.UTF_8));
      try {
        while (out.hasRemaining()) {
          if (channel.write(out) == 0) {
            await(selector, deadline, doing);
          }
        }
      } catch (IOException e) {
        // wireguard-go answers at the first failing line and closes once it reads the rest as a bad operation, so
        // a refused change can break the pipe before it is all written: its errno is still there to read
      }
      key.interestOps(SelectionKey.OP_READ);
      return readAnswer(channel, selector, deadline, doing);
    } catch (ClosedByInterruptException e) {
      throw new WireguardException(Errno.EINTR, doing);
    } catch (IOException e) {
      throw new WireguardException(Errno.EIO, doing, e);
    }
  }

  /** Whether a UAPI server accepts connections on {@code socket}. */
  static boolean answers(Path socket) {
    if (!Files.exists(socket)) {
      return false;
    }
    try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      channel.connect(UnixDomainSocketAddress.of(socket));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static SocketChannel connect(Path socket, String doing) throws IOException, WireguardException {
    if (!Files.exists(socket)) {
      throw new WireguardException(Errno.ENODEV, doing + " (no socket " + socket + ")");
    }
    SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
    try {
      // a Unix domain connect completes or fails at once: nothing to wait for
      channel.connect(UnixDomainSocketAddress.of(socket));
      return channel;
    } catch (ConnectException e) {
      channel.close();
      throw new WireguardException(Errno.ENODEV, doing + " (nothing listens on " + socket + ")");
    } catch (IOException e) {
      channel.close();
      throw e;
    }
  }

  private static String readAnswer(SocketChannel channel, Selector selector, long deadline, String doing)
      throws IOException, WireguardException {
    var answer = new ByteArrayOutputStream(4096);
    ByteBuffer in = ByteBuffer.allocate(64 * 1024);
    byte last = 0;
    while (true) {
      int n = channel.read(in);
      if (n < 0) {
        throw new WireguardException(Errno.EIO, doing + " (the device closed the connection without an answer)");
      }
      if (n == 0) {
        await(selector, deadline, doing);
        continue;
      }
      byte[] chunk = in.array();
      boolean blankLine = chunk[n - 1] == '\n' && (n >= 2 ? chunk[n - 2] : last) == '\n';
      last = chunk[n - 1];
      answer.write(chunk, 0, n);
      in.clear();
      if (blankLine) {
        return answer.toString(StandardCharsets.UTF_8);
      }
    }
  }

  private static void await(Selector selector, long deadline, String doing) throws IOException, WireguardException {
    if (Thread.currentThread().isInterrupted()) {
      // an interrupted thread's select returns at once: without this the loop would spin until the deadline
      throw new WireguardException(Errno.EINTR, doing);
    }
    long left = deadline - System.nanoTime();
    if (left <= 0 || selector.select(Math.max(1, left / 1_000_000)) == 0 && System.nanoTime() >= deadline) {
      throw new WireguardException(Errno.ETIMEDOUT, doing + " (no answer)");
    }
    selector.selectedKeys().clear();
  }
}

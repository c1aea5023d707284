package dev.spindle.platform.wireguard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.platform.network.Errno;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The socket side of the UAPI against a scripted server on a Unix socket in a temporary directory (no root, no
 * wireguard-go): how a missing, dead, silent or hasty device is reported, and that a request and an answer of any
 * size go whole.
 */
class UapiSocketTest {
  @TempDir
  Path dir;
  private ServerSocketChannel server;

  @AfterEach
  void close() throws IOException {
    if (server != null) {
      server.close();
    }
  }

  /** Serves one connection: reads the request up to its blank line, then writes what {@code answer} makes of it. */
  private CompletableFuture<String> serve(Path socket, Function<String, String> answer) throws IOException {
    server = ServerSocketChannel.open(StandardProtocolFamily.UNIX).bind(UnixDomainSocketAddress.of(socket));
    var request = new CompletableFuture<String>();
    Thread.ofVirtual().start(() -> {
      try (SocketChannel client = server.accept()) {
        var text = new StringBuilder();
        ByteBuffer in = ByteBuffer.allocate(8192);
        while (!text.toString().endsWith("\n\n") && client.read(in) > 0) {
          text.append(new String(in.array(), 0, in.position(), StandardCharsets.UTF_8));
          in.clear();
        }
        request.complete(text.toString());
        String reply = answer.apply(text.toString());
        if (reply != null) {
          ByteBuffer out = ByteBuffer.wrap(reply.getBytes(StandardCharsets.UTF_8));
          while (out.hasRemaining()) {
            client.write(out); // on a virtual thread a write may be partial
          }
          client.shutdownOutput();
        }
        client.read(ByteBuffer.allocate(1)); // hold the connection until the client closes it
      } catch (IOException e) {
        request.completeExceptionally(e);
      }
    });
    return request;
  }

  @Test
  void aRequestAndALargeAnswerGoWhole() throws Exception {
    Path socket = dir.resolve("wg0.sock");
    String big = "listen_port=1\n".repeat(20_000) + "errno=0\n\n";
    String request = "set=1\n" + "fwmark=1\n".repeat(20_000) + "\n";
    CompletableFuture<String> received = serve(socket, r -> big);
    assertThat(UapiSocket.exchange(socket, request, Duration.ofSeconds(5), "configuring wg0")).isEqualTo(big);
    assertThat(received.get()).isEqualTo(request);
  }

  @Test
  void noSocketFileIsENODEV() {
    assertErrno(() -> UapiSocket.exchange(dir.resolve("wg0.sock"), UapiCodec.GET, Duration.ofSeconds(1), "reading wg0"),
        Errno.ENODEV, "reading wg0 (no socket " + dir.resolve("wg0.sock") + "): ENODEV");
    assertThat(UapiSocket.answers(dir.resolve("wg0.sock"))).isFalse();
  }

  @Test
  void aSocketNobodyListensOnIsENODEV() throws Exception {
    Path socket = dir.resolve("wg0.sock");
    ServerSocketChannel.open(StandardProtocolFamily.UNIX).bind(UnixDomainSocketAddress.of(socket)).close();
    assertThat(socket).exists();
    assertErrno(() -> UapiSocket.exchange(socket, UapiCodec.GET, Duration.ofSeconds(1), "reading wg0"),
        Errno.ENODEV, "reading wg0 (nothing listens on " + socket + "): ENODEV");
    assertThat(UapiSocket.answers(socket)).isFalse();
  }

  @Test
  void aDeviceThatNeverAnswersIsETIMEDOUT() throws Exception {
    Path socket = dir.resolve("wg0.sock");
    serve(socket, r -> null);
    long start = System.nanoTime();
    assertErrno(() -> UapiSocket.exchange(socket, UapiCodec.GET, Duration.ofMillis(300), "reading wg0"),
        Errno.ETIMEDOUT, "reading wg0 (no answer): ETIMEDOUT");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(250), Duration.ofSeconds(5));
  }

  @Test
  void aDeviceThatClosesBeforeItsBlankLineIsEIO() throws Exception {
    Path socket = dir.resolve("wg0.sock");
    serve(socket, r -> "errno=0\n");
    assertErrno(() -> UapiSocket.exchange(socket, UapiCodec.GET, Duration.ofSeconds(5), "reading wg0"), Errno.EIO,
        "reading wg0 (the device closed the connection without an answer): EIO");
  }

  @Test
  void anInterruptedCallerGetsEINTRAndKeepsItsInterrupt() throws Exception {
    Path socket = dir.resolve("wg0.sock");
    serve(socket, r -> null);
    Thread.currentThread().interrupt();
    try {
      assertErrno(() -> UapiSocket.exchange(socket, UapiCodec.GET, Duration.ofSeconds(30), "reading wg0"),
          Errno.EINTR, "reading wg0: EINTR");
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }

  private static void assertErrno(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, Errno errno,
      String message) {
    assertThatThrownBy(call).isInstanceOf(WireguardException.class).hasMessage(message)
        .satisfies(e -> assertThat(((WireguardException) e).errno()).isEqualTo(errno));
  }
}

package dev.spindle.it;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Debian daemon (tinyproxy, chronyd) a test starts in the foreground on loopback, its output in a file of the test's
 * directory; {@link #close()} kills it and waits, so no process outlives the test.
 */
final class LocalDaemon implements AutoCloseable {
  final Path output;
  private final Process process;

  LocalDaemon(List<String> command, Path output) throws IOException {
    this.output = output;
    this.process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
  }

  /** Waits until something accepts TCP connections on 127.0.0.1:port, failing early if the daemon died. */
  void awaitTcp(int port) {
    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
      alive();
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
      }
    });
  }

  void alive() throws IOException {
    if (!process.isAlive()) {
      throw new AssertionError("daemon exited with " + process.exitValue() + ":\n" + Files.readString(output));
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }

  static int freeTcpPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  static int freeUdpPort() throws IOException {
    try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
      return s.getLocalPort();
    }
  }

  static boolean root() {
    return "root".equals(System.getProperty("user.name"));
  }
}

package dev.spindle.it;

import dev.spindle.runtime.testing.Prerequisites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Debian's tinyproxy as a corporate HTTP proxy on 127.0.0.1: a free port, only loopback clients, CONNECT allowed to
 * one port, optional Basic credentials, its log (level Connect: one line per request) in the test's directory.
 */
final class Tinyproxy implements AutoCloseable {
  final int port;
  private final Path log;
  private final LocalDaemon daemon;

  Tinyproxy(Path dir, int connectPort, String basicAuth) throws IOException {
    Path binary = Prerequisites.requireBinary("tinyproxy", "tinyproxy");
    Files.createDirectories(dir);
    port = LocalDaemon.freeTcpPort();
    log = dir.resolve("tinyproxy.log");
    Files.writeString(log, "");
    Path config = dir.resolve("tinyproxy.conf");
    Files.writeString(config, String.join("\n",
        "Port " + port,
        "Listen 127.0.0.1",
        "Timeout 30",
        "Allow 127.0.0.1",
        "ConnectPort " + connectPort,
        "LogFile \"" + log + "\"",
        "LogLevel Connect",
        "MaxClients 20",
        basicAuth == null ? "" : "BasicAuth " + basicAuth,
        ""));
    daemon = new LocalDaemon(List.of(binary.toString(), "-d", "-c", config.toString()), dir.resolve("stdout.log"));
    daemon.awaitTcp(port);
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  /** How many requests of this method and target the proxy logged ({@code CONNECT 127.0.0.1:8443}). */
  long requests(String method, String target) throws IOException {
    String needle = "): " + method + " " + target + " HTTP/";
    return Files.readAllLines(log).stream().filter(l -> l.contains(needle)).count();
  }

  @Override
  public void close() throws InterruptedException {
    daemon.close();
  }
}

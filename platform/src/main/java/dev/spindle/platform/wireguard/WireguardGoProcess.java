package dev.spindle.platform.wireguard;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@code wireguard-go -f <name>} child process: started in the foreground (so it stays a child this JVM can stop
 * and wait for), its output drained so it never blocks on a full pipe, the last lines kept to explain a failed start.
 * Stopping it is {@code SIGTERM}, on which wireguard-go closes its tun device (the kernel removes the link) and its
 * socket; {@code SIGKILL} after a grace period.
 */
final class WireguardGoProcess {
  private static final int TAIL_LINES = 20;

  private final String name;
  private final Process process;
  private final Deque<String> tail = new ArrayDeque<>();

  private WireguardGoProcess(String name, Process process) {
    this.name = name;
    this.process = process;
    Thread.ofVirtual().name("wireguard-go-" + name).start(this::drain);
  }

  /** Starts {@code command} followed by {@code -f name}. */
  static WireguardGoProcess start(List<String> command, String name) throws IOException {
    List<String> full = new ArrayList<>(command);
    full.addAll(List.of("-f", name));
    var builder = new ProcessBuilder(full).redirectErrorStream(true);
    // foreground (also implied by -f); it also silences the banner advising the kernel module
    builder.environment().put("WG_PROCESS_FOREGROUND", "1");
    return new WireguardGoProcess(name, builder.start());
  }

  String name() {
    return name;
  }

  boolean alive() {
    return process.isAlive();
  }

  long pid() {
    return process.pid();
  }

  /** Its exit code and last lines of output, for an error message (wireguard-go prints no key material). */
  String exitReport() {
    String code = process.isAlive() ? "running" : "exited " + process.exitValue();
    synchronized (tail) {
      return tail.isEmpty() ? code : code + ": " + String.join(" / ", tail);
    }
  }

  /** Asks it to stop without waiting (so several can stop at once). */
  void terminate() {
    process.destroy();
  }

  /** Stops it: SIGTERM, then SIGKILL after {@code grace}; returns once it has exited. */
  void stop(Duration grace) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      process.waitFor();
    }
  }

  private void drain() {
    try (var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        synchronized (tail) {
          if (tail.size() == TAIL_LINES) {
            tail.removeFirst();
          }
          tail.addLast(line.strip());
        }
      }
    } catch (IOException e) {
      // the process is gone and its pipe with it
    }
  }
}

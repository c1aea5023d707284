package dev.spindle.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs spindlectl in-process with captured stdout and stderr. */
final class Cli {
  record Result(int status, String out, String err) {}

  private Cli() {}

  static Result run(String... args) {
    var out = new StringWriter();
    var err = new StringWriter();
    int status = Spindlectl.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    return new Result(status, out.toString(), err.toString());
  }

  /** Runs with {@code stdin} as standard input (System.in, swapped for the call: tests here run one at a time). */
  static synchronized Result runWithStdin(String stdin, String... args) {
    var saved = System.in;
    System.setIn(new java.io.ByteArrayInputStream(stdin.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    try {
      return run(args);
    } finally {
      System.setIn(saved);
    }
  }

  /** A command running on its own thread (a watch), its output readable while it runs; {@link #stop} interrupts it. */
  static final class Running {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final Thread thread;
    private volatile Integer status;

    Running(String... args) {
      thread = Thread.ofPlatform().name("spindlectl").start(() -> status =
          Spindlectl.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args));
    }

    String out() {
      return out.toString();
    }

    String err() {
      return err.toString();
    }

    /** The exit status once the command has ended, else null. */
    Integer status() {
      return status;
    }

    /** Ctrl-C: interrupts the command and waits for it to end. */
    int stop() throws InterruptedException {
      thread.interrupt();
      thread.join(10_000);
      if (thread.isAlive()) {
        throw new AssertionError("spindlectl did not stop when interrupted");
      }
      return status;
    }
  }
}

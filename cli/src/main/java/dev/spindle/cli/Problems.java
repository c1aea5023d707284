package dev.spindle.cli;

import java.io.PrintWriter;

/**
 * Failures of single nodes in a command that talks to several: each is reported on stderr as it happens while the
 * other nodes carry on, and the command then exits with the status of the first one.
 */
final class Problems {
  private final PrintWriter err;
  private final boolean debug;
  private ExitStatus first = ExitStatus.OK;

  /** {@code debug}: follow each line with the stack trace, as {@code --debug} does for fatal errors. */
  Problems(PrintWriter err, boolean debug) {
    this.err = err;
    this.debug = debug;
  }

  void report(CliException problem) {
    err.println("error: " + problem.getMessage());
    if (debug) {
      problem.printStackTrace(err);
    }
    err.flush();
    if (first == ExitStatus.OK) {
      first = problem.status();
    }
  }

  int exitCode() {
    return first.code();
  }
}

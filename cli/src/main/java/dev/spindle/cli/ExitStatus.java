package dev.spindle.cli;

/** spindlectl's exit statuses. Scripts branch on them, so they are part of the interface (see cli/README.md). */
public enum ExitStatus {
  OK(0),
  /** Anything not covered below: a bad config file, an ambiguous type, a failed watch. */
  ERROR(1),
  /** The command line itself is wrong: unknown flag, missing argument, bad selector or output format. */
  USAGE(2),
  /** The resource type is not registered on the node, or the resource does not exist. */
  NOT_FOUND(3),
  /** The node could not be reached, or the TLS handshake with it failed. */
  UNREACHABLE(4),
  /** The node refused the request for the client's role, or a local file could not be read. */
  PERMISSION_DENIED(5);

  private final int code;

  ExitStatus(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}

package dev.spindle.cli;

/**
 * A failure the user is told about in one line ({@code error: <message>}) with an exit status. Commands throw it
 * instead of letting library exceptions reach the user, so no stack trace is shown unless {@code --debug} is given.
 */
public final class CliException extends RuntimeException {
  private final ExitStatus status;

  public CliException(ExitStatus status, String message) {
    this(status, message, null);
  }

  public CliException(ExitStatus status, String message, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  public ExitStatus status() {
    return status;
  }
}

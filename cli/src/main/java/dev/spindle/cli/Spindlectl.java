package dev.spindle.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code spindlectl}: Spindle's talosctl. Every failure is one {@code error: ...} line on stderr and an
 * {@link ExitStatus}; {@code --debug} adds the stack trace.
 */
@Command(name = "spindlectl", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
    description = "Reads and watches the resources of Spindle nodes.",
    subcommands = {GetCommand.class, ApplyConfigCommand.class, ValidateCommand.class, VersionCommand.class,
        CompletionCommand.class, GenCommand.class})
public final class Spindlectl implements Runnable {
  /** grpc-java logs through java.util.logging; its warnings would break the one-line error contract. */
  private static final Logger GRPC_LOGGER = Logger.getLogger("io.grpc");
  /** Netty's switch for its native transports (epoll), under grpc's shading prefix. */
  private static final String NETTY_NO_NATIVE = "io.grpc.netty.shaded.io.netty.transport.noNative";

  @Spec
  CommandSpec spec;

  @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print stack traces of errors.")
  boolean debug;

  @Mixin
  ConnectionOptions connection;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing command");
  }

  public static void main(String[] args) {
    StartupTrace.mark("main");
    GRPC_LOGGER.setLevel(Level.OFF);
    // grpc probes for Netty's epoll transport when its channel classes load, extracting and loading a native
    // library from its jar to do so, although NodeClients picks the NIO transport. Not probing saves that per run.
    if (System.getProperty(NETTY_NO_NATIVE) == null) {
      System.setProperty(NETTY_NO_NATIVE, "true");
    }
    var out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8),
        true);
    var err = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8),
        true);
    Thread main = Thread.currentThread();
    var running = new AtomicBoolean(true);
    var interrupted = new AtomicBoolean();
    // Ctrl-C while a command runs: interrupt it, so a watch closes its streams and flushes, and wait for it briefly.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      if (running.get()) {
        interrupted.set(true);
        main.interrupt();
        try {
          main.join(2000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }));
    CommandLine commandLine = commandLine(out, err);
    StartupTrace.mark("command model built");
    int status = commandLine.execute(args);
    StartupTrace.mark("command done");
    StartupTrace.print();
    out.flush();
    err.flush();
    running.set(false);
    if (!interrupted.get()) {
      System.exit(status); // not during shutdown: System.exit would block behind the hook that waits for us
    }
  }

  /** The configured command line; tests run it in-process with captured writers. */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    var commandLine = new CommandLine(new Spindlectl());
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setParameterExceptionHandler(Spindlectl::usageError);
    commandLine.setExecutionExceptionHandler(Spindlectl::failure);
    return commandLine;
  }

  private static int usageError(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    PrintWriter err = command.getErr();
    err.println("error: " + e.getMessage());
    err.println("Run '" + command.getCommandSpec().qualifiedName() + " --help' for usage.");
    err.flush();
    return ExitStatus.USAGE.code();
  }

  private static int failure(Exception e, CommandLine command, ParseResult parsed) {
    PrintWriter err = command.getErr();
    ExitStatus status = e instanceof CliException cli ? cli.status() : ExitStatus.ERROR;
    // A CliException's message is written for the user; anything else is unexpected, so name its class too.
    err.println("error: " + (e instanceof CliException || e.getMessage() != null ? e.getMessage() : e.toString()));
    if (status == ExitStatus.USAGE) {
      err.println("Run '" + command.getCommandSpec().qualifiedName() + " --help' for usage.");
    }
    if (debugRequested(parsed)) {
      e.printStackTrace(err);
    }
    err.flush();
    return status.code();
  }

  /** Whether {@code --debug} was given anywhere on the command line that runs {@code command}. */
  static boolean debugRequested(CommandSpec command) {
    return debugRequested(command.root().commandLine().getParseResult());
  }

  private static boolean debugRequested(ParseResult parsed) {
    for (ParseResult p = parsed; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption("--debug")) {
        return true;
      }
    }
    return false;
  }
}

package dev.spindle.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code spindlectl version}: talosctl's "Client:" block. The Java runtime stands where talosctl shows its Go
 * version; no commit or build time is recorded in the jar, so those lines are left out rather than faked. Spindle's
 * API has no version service yet, so the server part says so instead of contacting nodes.
 */
@Command(name = "version", mixinStandardHelpOptions = true, description = "Prints the version.")
final class VersionCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--client", description = "Print client version only.")
  boolean clientOnly;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.println("Client:");
    out.printf("\tTag:         %s%n", VersionInfo.version());
    out.printf("\tJava:        %s%n", System.getProperty("java.version"));
    out.printf("\tOS/Arch:     %s%n", VersionInfo.platform());
    if (!clientOnly) {
      out.println("Server:");
      out.println("\tnot available: Spindle's API has no version service yet");
    }
    out.flush();
    return ExitStatus.OK.code();
  }
}

package dev.spindle.cli;

import com.google.protobuf.ByteString;
import dev.spindle.api.proto.machine.ApplyConfiguration;
import dev.spindle.api.proto.machine.ApplyConfigurationRequest;
import dev.spindle.api.proto.machine.ApplyConfigurationRequest.Mode;
import dev.spindle.api.proto.machine.MachineServiceGrpc;
import dev.spindle.cli.NodeClients.NodeClient;
import dev.spindle.resources.config.MachineConfigParser;
import dev.spindle.resources.config.ValidationMode;
import io.grpc.StatusRuntimeException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code spindlectl apply-config}: talosctl's {@code apply-config}. The node validates the whole configuration and
 * either replaces its running configuration in one step or, with {@code --dry-run}, only says which resources would
 * change. Admins only.
 */
@Command(name = "apply-config", aliases = "apply", mixinStandardHelpOptions = true,
    description = "Apply a new configuration to a node.")
final class ApplyConfigCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @ParentCommand
  Spindlectl root;

  @Option(names = {"-f", "--file"}, required = true, paramLabel = "<file>",
      description = "The filename of the configuration file.")
  Path file;

  @Option(names = "--dry-run", description = "Check how the config change will be applied in dry-run mode.")
  boolean dryRun;

  @Option(names = {"-m", "--mode"}, defaultValue = "auto", paramLabel = "<mode>",
      description = "Apply config mode: auto or no-reboot (Spindle applies every change live; reboot, staged and try "
          + "are refused by the node) (default: ${DEFAULT-VALUE}).")
  String mode;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Mode requested = mode();
    String text = LocalFiles.readUtf8(file);
    checkLocally(text, err);
    ApplyConfigurationRequest request = ApplyConfigurationRequest.newBuilder()
        .setData(ByteString.copyFromUtf8(text))
        .setMode(requested)
        .setDryRun(dryRun)
        .build();
    try (NodeClients clients = NodeClients.open(Targets.resolve(root.connection))) {
      var problems = new Problems(err, Spindlectl.debugRequested(spec));
      boolean multiNode = clients.all().size() > 1;
      for (NodeClient node : clients.all()) {
        try {
          var reply = MachineServiceGrpc.newBlockingStub(node.channel())
              .withDeadlineAfter(NodeClients.CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
              .applyConfiguration(request);
          for (ApplyConfiguration message : reply.getMessagesList()) {
            message.getWarningsList().forEach(w -> err.println("warning: " + w));
            if (multiNode) {
              out.println("node " + node.name() + ":");
            }
            out.print(message.getModeDetails());
          }
          out.flush();
          err.flush();
        } catch (StatusRuntimeException e) {
          problems.report(Failures.describe(e, node, multiNode));
        }
      }
      return problems.exitCode();
    }
  }


  /**
   * The node validates again, but it can send only the first problems back in a status; checking here first prints
   * every one, and sends nothing that cannot be applied.
   */
  private void checkLocally(String text, PrintWriter err) {
    var result = MachineConfigParser.check(text, file.toString(), ValidationMode.CONTAINER);
    if (!result.valid()) {
      result.errors().forEach(problem -> err.println(problem.message()));
      err.flush();
      throw new CliException(ExitStatus.ERROR, file + " is not valid (" + result.errors().size()
          + (result.errors().size() == 1 ? " problem" : " problems") + "); nothing was sent");
    }
  }

  private Mode mode() {
    return switch (mode.toLowerCase(Locale.ROOT)) {
      case "auto" -> Mode.AUTO;
      case "no-reboot" -> Mode.NO_REBOOT;
      case "reboot" -> Mode.REBOOT;
      case "staged" -> Mode.STAGED;
      case "try" -> Mode.TRY;
      default -> throw new CliException(ExitStatus.USAGE, "invalid --mode \"" + mode
          + "\": expected auto, no-reboot, reboot, staged or try");
    };
  }
}

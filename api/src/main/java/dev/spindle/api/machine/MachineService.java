package dev.spindle.api.machine;

import dev.spindle.api.auth.AuthContext;
import dev.spindle.api.proto.machine.ApplyConfiguration;
import dev.spindle.api.proto.machine.ApplyConfigurationRequest;
import dev.spindle.api.proto.machine.ApplyConfigurationRequest.Mode;
import dev.spindle.api.proto.machine.ApplyConfigurationResponse;
import dev.spindle.api.proto.machine.MachineServiceGrpc;
import dev.spindle.api.proto.machine.Metadata;
import dev.spindle.runtime.resource.ResourceChange;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Talos's {@code machine.MachineService/ApplyConfiguration} over a {@link ConfigApplier}. Admins only. Spindle
 * applies every configuration change live, so {@code AUTO} and {@code NO_REBOOT} both answer {@code NO_REBOOT};
 * {@code REBOOT}, {@code STAGED} and {@code TRY} need a boot sequence or a rollback timer Spindle does not have, and
 * are refused rather than silently treated as something else.
 */
public final class MachineService extends MachineServiceGrpc.MachineServiceImplBase {
  private static final Logger LOG = LoggerFactory.getLogger(MachineService.class);
  /**
   * Larger than any real machine configuration and within the YAML parser's limit; keeps one request from holding the
   * heap. The server's inbound message limit is {@link #MAX_REQUEST_BYTES}, so a larger file gets this message rather
   * than a transport error.
   */
  public static final int MAX_CONFIG_BYTES = 3 << 20; // = MachineConfigParser.MAX_BYTES (api does not see resources)
  public static final int MAX_REQUEST_BYTES = MAX_CONFIG_BYTES + (64 << 10);
  /**
   * Problems sent in the status, at most: the description travels in a header, and clients refuse headers over 8 KiB.
   * {@code spindlectl apply-config} checks the file itself first and prints every problem.
   */
  static final int MAX_PROBLEMS_IN_STATUS = 40;

  private final ConfigApplier applier;
  private final Supplier<String> hostname;

  public MachineService(ConfigApplier applier, Supplier<String> hostname) {
    this.applier = Objects.requireNonNull(applier, "applier");
    this.hostname = Objects.requireNonNull(hostname, "hostname");
  }

  @Override
  public void applyConfiguration(ApplyConfigurationRequest request,
      StreamObserver<ApplyConfigurationResponse> response) {
    try {
      AuthContext.requireWrite("apply-config");
      checkMode(request.getMode());
      String text = utf8(request);
      ConfigApplier.Outcome outcome = applier.apply(text, "apply-config", request.getDryRun());
      LOG.info("apply-config by {}{}: {} resource(s) {}", AuthContext.currentClientName(),
          request.getDryRun() ? " (dry run)" : "", outcome.changes().size(),
          request.getDryRun() ? "would change" : "changed");
      response.onNext(ApplyConfigurationResponse.newBuilder().addMessages(ApplyConfiguration.newBuilder()
          .setMetadata(Metadata.newBuilder().setHostname(hostname.get()))
          .addAllWarnings(outcome.warnings())
          .setMode(Mode.NO_REBOOT)
          .setModeDetails(details(outcome, request.getDryRun())))
          .build());
      response.onCompleted();
    } catch (ConfigRejectedException rejected) {
      response.onError(Status.INVALID_ARGUMENT.withDescription(describe(rejected)).asRuntimeException());
    } catch (StatusRuntimeException refused) {
      response.onError(refused);
    } catch (RuntimeException unexpected) {
      LOG.error("apply-config failed", unexpected);
      response.onError(Status.INTERNAL.withDescription("apply-config failed: " + unexpected.getMessage())
          .asRuntimeException());
    }
  }

  static String describe(ConfigRejectedException rejected) {
    List<String> problems = rejected.problems();
    if (problems.size() <= MAX_PROBLEMS_IN_STATUS) {
      return rejected.getMessage();
    }
    return problems.size() + " errors:\n" + String.join("\n", problems.subList(0, MAX_PROBLEMS_IN_STATUS))
        + "\n... and " + (problems.size() - MAX_PROBLEMS_IN_STATUS) + " more (spindlectl validate -c FILE lists all)";
  }

  private static void checkMode(Mode mode) {
    if (mode != Mode.AUTO && mode != Mode.NO_REBOOT) {
      throw Status.UNIMPLEMENTED.withDescription("apply-config mode " + mode.name().toLowerCase().replace('_', '-')
          + " is not supported: Spindle applies every change live; use --mode auto or no-reboot")
          .asRuntimeException();
    }
  }

  private static String utf8(ApplyConfigurationRequest request) {
    if (request.getData().size() > MAX_CONFIG_BYTES) {
      throw Status.INVALID_ARGUMENT.withDescription("the configuration is " + request.getData().size()
          + " bytes; at most " + MAX_CONFIG_BYTES + " are accepted").asRuntimeException();
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(request.getData().toByteArray())).toString();
    } catch (CharacterCodingException e) {
      throw Status.INVALID_ARGUMENT.withDescription("the configuration is not UTF-8 text").asRuntimeException();
    }
  }

  /** Talos's wording for the no-reboot outcome, then one line per resource: + created, ~ updated, - destroyed. */
  static String details(ConfigApplier.Outcome outcome, boolean dryRun) {
    var text = new StringBuilder(dryRun
        ? "Dry run summary:\nApplied configuration without a reboot (skipped in dry-run).\n"
        : "Applied configuration without a reboot\n");
    // a prediction of the config and merge stages (one pass), made before the write: hence "expected"
    if (outcome.changes().isEmpty()) {
      text.append("\nNo resources ").append(dryRun ? "would change" : "are expected to change").append(".\n");
      return text.toString();
    }
    text.append("\nResources that ").append(dryRun ? "would change" : "are expected to change").append(":\n");
    for (ResourceChange change : outcome.changes()) {
      char mark = switch (change.action()) {
        case CREATED -> '+';
        case UPDATED -> '~';
        case DESTROYED -> '-';
      };
      text.append("  ").append(mark).append(' ').append(change.pointer()).append('\n');
    }
    return text.toString();
  }
}

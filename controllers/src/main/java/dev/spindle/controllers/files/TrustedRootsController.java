package dev.spindle.controllers.files;

import static dev.spindle.runtime.controller.Declaration.inputs;
import static dev.spindle.runtime.controller.Declaration.outputs;

import dev.spindle.controllers.config.ConfigSources;
import dev.spindle.resources.config.TrustedRootsConfig;
import dev.spindle.resources.files.EtcFileSpec;
import dev.spindle.resources.files.FilesNamespaces;
import dev.spindle.runtime.controller.Controller;
import dev.spindle.runtime.controller.Declaration;
import dev.spindle.runtime.controller.Output;
import dev.spindle.runtime.controller.ReconcileContext;
import dev.spindle.runtime.controller.Result;
import dev.spindle.runtime.resource.Resource;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Renders the node's CA bundle, the {@link EtcFileSpec} {@code ssl/certs/ca-certificates.crt} (mode 0644), from a base
 * bundle and the {@code TrustedRootsConfig} documents, as Talos's {@code secrets.TrustedRootsController} does; the
 * {@link EtcFileSpecController} puts it on disk. The bundle exists even without a configuration (the base alone).
 *
 * <p>Unlike Talos, the certificates are checked first ({@link PemBundle}): a document that is not a good PEM bundle
 * fails the reconcile with every problem, each naming its document, and the previous bundle stays as it was. The
 * runtime logs the error and retries; the next configuration change is picked up as usual.
 */
public final class TrustedRootsController implements Controller {
  public static final String ID = "ssl/certs/ca-certificates.crt";
  public static final int MODE = 0644;

  private final Supplier<String> base;

  /** With the JVM's trust anchors as the base ({@link JdkTrustAnchors}). */
  public TrustedRootsController() {
    this(JdkTrustAnchors::pem);
  }

  public TrustedRootsController(Supplier<String> base) {
    this.base = Objects.requireNonNull(base, "base");
  }

  @Override
  public Declaration declare() {
    return Declaration.of(inputs(ConfigSources.MACHINE_CONFIG), outputs(Output.shared(EtcFileSpec.DEFINITION)));
  }

  @Override
  public Result reconcile(ReconcileContext ctx) throws InvalidTrustedRootsException {
    List<TrustedRootsConfig> extras = ConfigSources.machineConfig(ctx)
        .map(c -> c.documents(TrustedRootsConfig.class))
        .orElse(List.of());
    List<String> problems = TrustedRoots.problems(extras);
    if (!problems.isEmpty()) {
      throw new InvalidTrustedRootsException(problems);
    }
    ctx.put(Resource.of(EtcFileSpec.DEFINITION, FilesNamespaces.FILES, ID,
        new EtcFileSpec(TrustedRoots.render(base.get(), extras), MODE)));
    return Result.done();
  }

  /** The configured extra roots are not all good PEM bundles; the bundle was left as it was. */
  public static final class InvalidTrustedRootsException extends Exception {
    private final List<String> problems;

    InvalidTrustedRootsException(List<String> problems) {
      super("keeping the previous CA bundle: " + String.join("; ", problems));
      this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
      return problems;
    }
  }
}

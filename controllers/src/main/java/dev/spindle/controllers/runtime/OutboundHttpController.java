package dev.spindle.controllers.runtime;

import static dev.spindle.runtime.controller.Declaration.inputs;
import static dev.spindle.runtime.controller.Declaration.outputs;

import dev.spindle.resources.files.EtcFileSpec;
import dev.spindle.resources.files.FilesNamespaces;
import dev.spindle.resources.runtime.Environment;
import dev.spindle.resources.runtime.OutboundHttpStatus;
import dev.spindle.resources.runtime.RuntimeNamespaces;
import dev.spindle.runtime.controller.Controller;
import dev.spindle.runtime.controller.Declaration;
import dev.spindle.runtime.controller.Input;
import dev.spindle.runtime.controller.Output;
import dev.spindle.runtime.controller.ReconcileContext;
import dev.spindle.runtime.controller.Result;
import dev.spindle.runtime.resource.Resource;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps {@link OutboundHttp} built from the merged {@link Environment} ({@code machined}: proxies, {@code no_proxy})
 * and the CA bundle ({@link EtcFileSpec} {@code ssl/certs/ca-certificates.crt}), and reports what it uses in
 * {@link OutboundHttpStatus}. A change of either input builds a new client and swaps it in; no restart. An
 * environment or bundle that cannot be used (a bad proxy URL, a broken certificate) changes nothing: the previous
 * client stays, and the status carries the located error until the input is fixed. No Talos counterpart: Talos reads
 * its environment and {@code /etc/ssl} at process start.
 */
public final class OutboundHttpController implements Controller {
  public static final String BUNDLE_ID = "ssl/certs/ca-certificates.crt";

  private final OutboundHttp outbound;

  public OutboundHttpController(OutboundHttp outbound) {
    this.outbound = Objects.requireNonNull(outbound, "outbound");
  }

  @Override
  public Declaration declare() {
    return Declaration.of(
        inputs(Input.weak(Environment.DEFINITION, RuntimeNamespaces.RUNTIME).withId(Environment.ID),
            Input.weak(EtcFileSpec.DEFINITION, FilesNamespaces.FILES).withId(BUNDLE_ID)),
        outputs(Output.exclusive(OutboundHttpStatus.DEFINITION)));
  }

  @Override
  public Result reconcile(ReconcileContext ctx) {
    List<String> variables = ctx.find(Environment.DEFINITION, RuntimeNamespaces.RUNTIME, Environment.ID)
        .map(r -> r.spec().variables()).orElse(List.of());
    Optional<String> pem = ctx.find(EtcFileSpec.DEFINITION, FilesNamespaces.FILES, BUNDLE_ID)
        .map(r -> r.spec().contents());
    OutboundHttp.Client client;
    String error = "";
    try {
      ProxyRules rules = ProxyRules.fromEnvironment(variables);
      List<X509Certificate> bundle = pem.map(p -> CaBundle.parse(BUNDLE_ID, p)).orElse(List.of());
      client = outbound.use(rules, bundle);
    } catch (IllegalArgumentException e) {
      error = e.getMessage();
      client = outbound.settings();
      ctx.logger().warn("outbound HTTP client kept as it was: {}", error);
    }
    ProxyRules rules = client.rules();
    ctx.put(Resource.of(OutboundHttpStatus.DEFINITION, RuntimeNamespaces.RUNTIME, OutboundHttpStatus.ID,
        new OutboundHttpStatus(rules.httpProxy().map(ProxyUrl::redacted).orElse(""),
            rules.httpsProxy().map(ProxyUrl::redacted).orElse(""), rules.noProxy().entries(),
            client.bundle().size(), client.generation(), error)));
    return Result.done();
  }
}

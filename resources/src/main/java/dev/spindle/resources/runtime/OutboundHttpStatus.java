package dev.spindle.resources.runtime;

import dev.spindle.runtime.codec.OmitEmpty;
import dev.spindle.runtime.codec.ProtoField;
import dev.spindle.runtime.resource.ResourceDefinition;
import java.util.List;
import java.util.Objects;

/**
 * What the daemon's outbound HTTP client uses right now (id {@code outbound}), a Spindle resource with no Talos
 * counterpart: the proxies it took from the environment with any password replaced by {@code xxxxx}, the
 * {@code no_proxy} entries, and how many certificates of the CA bundle it trusts on top of the JDK's own roots.
 * {@code error} is set when the environment or the bundle could not be used; the client then stays as it was, so
 * {@code generation} (bumped each time a new client replaced the old one) tells whether a change was taken.
 */
public record OutboundHttpStatus(
    @ProtoField(1) @OmitEmpty String httpProxy,
    @ProtoField(2) @OmitEmpty String httpsProxy,
    @ProtoField(3) @OmitEmpty List<String> noProxy,
    @ProtoField(4) int bundleCertificates,
    @ProtoField(5) long generation,
    @ProtoField(6) @OmitEmpty String error) implements RuntimeSpec {
  public static final String ID = "outbound";

  public static final ResourceDefinition<OutboundHttpStatus> DEFINITION =
      ResourceDefinition.of(OutboundHttpStatus.class, "OutboundHttpStatuses.runtime.spindle.dev")
          .defaultNamespace(RuntimeNamespaces.RUNTIME)
          .alias("outbound")
          .column("HTTP Proxy", "httpProxy")
          .column("HTTPS Proxy", "httpsProxy")
          .column("CAs", "bundleCertificates")
          .column("Error", "error")
          .build();

  public OutboundHttpStatus {
    httpProxy = Objects.requireNonNullElse(httpProxy, "");
    httpsProxy = Objects.requireNonNullElse(httpsProxy, "");
    noProxy = List.copyOf(noProxy);
    error = Objects.requireNonNullElse(error, "");
  }
}

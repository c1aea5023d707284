package dev.spindle.resources.runtime;

import dev.spindle.runtime.codec.ProtoField;
import dev.spindle.runtime.resource.ResourceDefinition;
import java.util.List;

/**
 * The merged environment of the node's services, as Talos's {@code Environments.runtime.talos.dev} (id
 * {@code machined}): {@code K=V} entries sorted by key, one per key. The outbound HTTP client takes its proxies
 * ({@code http_proxy}, {@code https_proxy}, {@code no_proxy}, either case) from here. Sensitive: a proxy URL may
 * carry a password, so only admins read it ({@code get outbound} shows the proxies redacted to everyone).
 */
public record Environment(@ProtoField(1) List<String> variables) implements RuntimeSpec {
  public static final String ID = "machined";

  public static final ResourceDefinition<Environment> DEFINITION =
      ResourceDefinition.of(Environment.class, "Environments.runtime.talos.dev")
          .defaultNamespace(RuntimeNamespaces.RUNTIME)
          .sensitive()
          .alias("env")
          .column("Variables", "variables")
          .build();

  public Environment {
    variables = List.copyOf(variables);
  }

  /** Names only, for logs: values may hold proxy credentials. */
  @Override
  public String toString() {
    return "Environment[variables=" + variables.stream().map(v -> v.substring(0, Math.max(v.indexOf('='), 0))).toList() + "]";
  }
}

package dev.spindle.resources.runtime;

import dev.spindle.runtime.resource.ResourceDefinition;
import java.util.Objects;

/**
 * The kernel command line the node booted with, trimmed ({@code KernelCmdlines.runtime.talos.dev}, id
 * {@code cmdline}), as Talos publishes it; the config controllers read their {@code cmdline} layer from it.
 */
public record KernelCmdline(String cmdline) implements RuntimeSpec {
  public static final String ID = "cmdline";

  public static final ResourceDefinition<KernelCmdline> DEFINITION =
      ResourceDefinition.of(KernelCmdline.class, "KernelCmdlines.runtime.talos.dev")
          .defaultNamespace(RuntimeNamespaces.RUNTIME)
          .alias("cmdline")
          .column("Cmdline", "cmdline")
          .build();

  public KernelCmdline {
    cmdline = Objects.requireNonNull(cmdline, "cmdline").strip();
  }

  /** The length only, for logs: {@code talos.environment=} arguments may hold proxy credentials. */
  @Override
  public String toString() {
    return "KernelCmdline[" + cmdline.length() + " characters]";
  }
}

package dev.spindle.controllers.runtime;

import dev.spindle.controllers.config.ConfigController;
import dev.spindle.controllers.config.ConfigSources;
import dev.spindle.resources.ConfigLayer;
import dev.spindle.resources.runtime.EnvironmentSpec;
import dev.spindle.resources.runtime.RuntimeNamespaces;
import dev.spindle.runtime.controller.Input;
import dev.spindle.runtime.controller.ReconcileContext;
import dev.spindle.runtime.resource.ResourceReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The config stage of the environment: {@code cmdline/environment} from the {@code talos.environment=} kernel
 * arguments and {@code configuration/environment} from {@code machine.env} and the {@code EnvironmentConfig}
 * documents ({@link EnvironmentSources}), into {@code runtime-config}. A layer with no variables writes no copy.
 *
 * <p>Dropped entries are logged in one warning per reconcile of the controller, and only when they differ from the
 * last warning, so an unchanged bad command line is reported once; a dry run ({@code apply-config --dry-run}) projects
 * without logging.
 */
public final class EnvironmentConfigController extends ConfigController<EnvironmentSpec> {
  private List<String> lastDropped = List.of();

  public EnvironmentConfigController() {
    super(EnvironmentSpec.DEFINITION, RuntimeNamespaces.RUNTIME_CONFIG);
  }

  @Override
  protected List<Input> inputs() {
    return List.of(ConfigSources.MACHINE_CONFIG, ConfigSources.KERNEL_CMDLINE);
  }

  @Override
  public Map<String, EnvironmentSpec> project(ResourceReader sources) {
    var cmdline = EnvironmentSources.cmdline(ConfigSources.cmdline(sources));
    var configuration = EnvironmentSources.configuration(ConfigSources.machineConfig(sources).orElse(null));
    if (sources instanceof ReconcileContext ctx) {
      warn(ctx, cmdline, configuration);
    }
    var out = new LinkedHashMap<String, EnvironmentSpec>();
    add(out, ConfigLayer.CMDLINE, cmdline);
    add(out, ConfigLayer.CONFIGURATION, configuration);
    return out;
  }

  private static void add(Map<String, EnvironmentSpec> out, ConfigLayer layer, EnvironmentSources.Layer variables) {
    if (!variables.variables().isEmpty()) {
      out.put(layer.id(EnvironmentSpec.ID), EnvironmentSpec.at(layer, variables.variables()));
    }
  }

  private void warn(ReconcileContext ctx, EnvironmentSources.Layer cmdline, EnvironmentSources.Layer configuration) {
    var dropped = new ArrayList<>(cmdline.dropped());
    dropped.addAll(configuration.dropped());
    if (!dropped.isEmpty() && !dropped.equals(lastDropped)) {
      ctx.logger().warn("ignoring {} environment entr{}: {}", dropped.size(), dropped.size() == 1 ? "y" : "ies",
          String.join("; ", dropped));
    }
    lastDropped = List.copyOf(dropped);
  }
}

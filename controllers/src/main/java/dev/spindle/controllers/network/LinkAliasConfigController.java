package dev.spindle.controllers.network;

import static dev.spindle.runtime.controller.Declaration.inputs;
import static dev.spindle.runtime.controller.Declaration.outputs;

import dev.spindle.controllers.config.ConfigSources;
import dev.spindle.resources.config.LinkAliasConfig;
import dev.spindle.resources.network.LinkAliasConfigStatus;
import dev.spindle.resources.network.LinkAliasSpec;
import dev.spindle.resources.network.LinkStatus;
import dev.spindle.resources.network.Namespaces;
import dev.spindle.runtime.controller.Controller;
import dev.spindle.runtime.controller.Declaration;
import dev.spindle.runtime.controller.Input;
import dev.spindle.runtime.controller.Output;
import dev.spindle.runtime.controller.ReconcileContext;
import dev.spindle.runtime.controller.Result;
import dev.spindle.runtime.resource.Resource;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Gives physical links the aliases the {@code LinkAliasConfig} documents select them for, as Talos's
 * {@code network.LinkAliasConfigController}: reads the machine configuration and every {@link LinkStatus} (both
 * weak), writes one {@link LinkAliasSpec} per aliased link (id = the link name) and, Spindle's addition, one
 * {@link LinkAliasConfigStatus} per config (id = its name). Both outputs are exclusive and cleaned up when no longer
 * produced, so a link that disappears or a config that is removed takes its alias with it, and a pattern renumbers
 * the links that remain. {@link LinkAliases} has the rules.
 *
 * <p>Warnings (a fixed name that selects several links, a link already aliased, a selector that selects nothing) are
 * logged once per config, again only after they changed or went away in between.
 */
public final class LinkAliasConfigController implements Controller {
  private final LinkSelectors selectors = new LinkSelectors();
  private final WarnOnce warnings = new WarnOnce(name());
  /** Config names warned about in the last reconcile; only touched on the controller's thread. */
  private Set<String> warned = Set.of();

  @Override
  public Declaration declare() {
    return Declaration.of(inputs(ConfigSources.MACHINE_CONFIG, Input.weak(LinkStatus.DEFINITION)),
        outputs(Output.exclusive(LinkAliasSpec.DEFINITION).cleanupUntouched(Namespaces.NETWORK),
            Output.exclusive(LinkAliasConfigStatus.DEFINITION).cleanupUntouched(Namespaces.NETWORK)));
  }

  @Override
  public Result reconcile(ReconcileContext ctx) {
    List<LinkAliasConfig> configs = ConfigSources.machineConfig(ctx)
        .map(config -> config.documents(LinkAliasConfig.class))
        .orElse(List.of());
    var plan = LinkAliases.plan(configs, ctx.list(LinkStatus.DEFINITION), selectors);
    plan.aliases().forEach((link, alias) ->
        ctx.put(Resource.of(LinkAliasSpec.DEFINITION, Namespaces.NETWORK, link, new LinkAliasSpec(alias))));
    plan.statuses().forEach((name, status) ->
        ctx.put(Resource.of(LinkAliasConfigStatus.DEFINITION, Namespaces.NETWORK, name, status)));
    plan.warnings().forEach((name, message) -> warnings.warn("alias/" + name, message));
    for (String name : warned) {
      if (!plan.warnings().containsKey(name)) {
        warnings.clear("alias/" + name);
      }
    }
    warned = new HashSet<>(plan.warnings().keySet());
    return Result.done();
  }
}

package dev.spindle.daemon;

import dev.spindle.api.machine.ConfigApplier;
import dev.spindle.api.machine.ConfigRejectedException;
import dev.spindle.controllers.config.ConfigPreview;
import dev.spindle.resources.config.MachineConfig;
import dev.spindle.runtime.resource.Resource;
import dev.spindle.runtime.resource.ResourceChange;
import dev.spindle.runtime.state.State;
import dev.spindle.runtime.state.StateReader;
import dev.spindle.runtime.state.UpdateOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The node's side of {@code apply-config} and {@code --config}: validate the whole text, compute what changes, then
 * store it on disk and replace the {@link MachineConfig} resource in one write, from which the controllers derive
 * everything else. An invalid configuration changes neither the file nor the state; a dry run changes nothing.
 * Applies are serialised, so two clients cannot interleave the file and the resource.
 */
final class NodeConfigApplier implements ConfigApplier {
  private final State state;
  private final ConfigParsing parsing;
  private final ConfigPreview preview;
  private final MachineConfigStore store;

  NodeConfigApplier(State state, ConfigParsing parsing, ConfigPreview preview, MachineConfigStore store) {
    this.state = Objects.requireNonNull(state, "state");
    this.parsing = Objects.requireNonNull(parsing, "parsing");
    this.preview = Objects.requireNonNull(preview, "preview");
    this.store = Objects.requireNonNull(store, "store");
  }

  @Override
  public synchronized Outcome apply(String text, String source, boolean dryRun) throws ConfigRejectedException {
    ConfigParsing.Parsed parsed = parsing.parse(text, source);
    List<ResourceChange> changes = preview.changes(new StateReader(state), parsed.config());
    if (!dryRun) {
      Optional<String> previous = load();
      save(text);
      try {
        publish(parsed.config());
      } catch (RuntimeException e) {
        // the state kept the old configuration: so must the file, or the next start applies what never took effect
        previous.ifPresentOrElse(this::save, this::delete);
        throw e;
      }
    }
    return new Outcome(parsed.warnings(), changes);
  }

  private Optional<String> load() {
    try {
      return store.load();
    } catch (IOException e) {
      throw new UncheckedIOException("reading the stored machine configuration " + store.path(), e);
    }
  }

  private void save(String text) {
    try {
      store.save(text);
    } catch (IOException e) {
      throw new UncheckedIOException("storing the machine configuration in " + store.path(), e);
    }
  }

  private void delete() {
    try {
      store.delete();
    } catch (IOException e) {
      throw new UncheckedIOException("removing " + store.path(), e);
    }
  }

  private void publish(MachineConfig config) {
    var resource = Resource.of(MachineConfig.DEFINITION, MachineConfig.ID, config);
    state.modify(resource, current -> current.withSpec(config), UpdateOptions.DEFAULT);
  }
}

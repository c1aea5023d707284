package dev.spindle.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spindle.api.machine.ConfigRejectedException;
import dev.spindle.controllers.config.ConfigPreview;
import dev.spindle.resources.config.MachineConfig;
import dev.spindle.runtime.resource.ResourceChange;
import dev.spindle.runtime.resource.ResourceChange.Action;
import dev.spindle.runtime.resource.Resource;
import dev.spindle.runtime.state.InMemoryState;
import dev.spindle.runtime.state.StateException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeConfigApplierTest {
  /** A stand-in for the parser: text starting with "bad" is invalid; anything else is a config of that text. */
  private static final ConfigParsing PARSING = (text, source) -> {
    if (text.startsWith("bad")) {
      throw new ConfigRejectedException(List.of(source + ": line 1: not a machine configuration"));
    }
    return new ConfigParsing.Parsed(new MachineConfig(text, null, List.of()), List.of("a warning"));
  };

  @TempDir
  Path stateDir;

  private final InMemoryState state = new InMemoryState();

  private NodeConfigApplier applier() {
    return new NodeConfigApplier(state, PARSING, new ConfigPreview(List.of()), new MachineConfigStore(stateDir));
  }

  @AfterEach
  void close() {
    state.close();
  }

  private static ResourceChange machineConfig(Action action) {
    return new ResourceChange(MachineConfig.DEFINITION.pointer(MachineConfig.ID), action);
  }

  @Test
  void theFirstApplyCreatesTheResourceAndStoresTheTextPrivately() throws Exception {
    var outcome = applier().apply("version: v1alpha1\n", "cfg.yaml", false);
    assertThat(outcome.changes()).containsExactly(machineConfig(Action.CREATED));
    assertThat(outcome.warnings()).containsExactly("a warning");
    assertThat(state.get(MachineConfig.DEFINITION, MachineConfig.ID).spec().text()).isEqualTo("version: v1alpha1\n");
    Path file = stateDir.resolve("config.yaml");
    assertThat(file).hasContent("version: v1alpha1");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    try (var entries = Files.list(stateDir)) {
      assertThat(entries).containsExactly(file);
    }
  }

  @Test
  void aNewTextReplacesTheConfigurationInOneUpdate() throws Exception {
    var applier = applier();
    applier.apply("one", "a", false);
    var outcome = applier.apply("two", "b", false);
    assertThat(outcome.changes()).containsExactly(machineConfig(Action.UPDATED));
    var resource = state.get(MachineConfig.DEFINITION, MachineConfig.ID);
    assertThat(resource.spec().text()).isEqualTo("two");
    assertThat(resource.version()).isEqualTo(2);
    assertThat(applier.apply("two", "c", false).changes()).isEmpty();
    assertThat(state.get(MachineConfig.DEFINITION, MachineConfig.ID).version()).isEqualTo(2);
  }

  @Test
  void aDryRunReportsAndChangesNothing() throws Exception {
    var applier = applier();
    applier.apply("one", "a", false);
    var outcome = applier.apply("two", "b", true);
    assertThat(outcome.changes()).containsExactly(machineConfig(Action.UPDATED));
    assertThat(state.get(MachineConfig.DEFINITION, MachineConfig.ID).spec().text()).isEqualTo("one");
    assertThat(stateDir.resolve("config.yaml")).hasContent("one");
  }

  @Test
  void anInvalidConfigurationChangesNeitherStateNorFile() throws Exception {
    var applier = applier();
    applier.apply("one", "a", false);
    assertThatThrownBy(() -> applier.apply("bad two", "cfg.yaml", false))
        .isInstanceOf(ConfigRejectedException.class)
        .hasMessage("cfg.yaml: line 1: not a machine configuration");
    assertThat(state.get(MachineConfig.DEFINITION, MachineConfig.ID).spec().text()).isEqualTo("one");
    assertThat(stateDir.resolve("config.yaml")).hasContent("one");
  }

  @Test
  void aStateThatRefusesTheWriteLeavesTheStoredFileAsItWas() throws Exception {
    var applier = applier();
    applier.apply("one", "a", false);
    // an admin started tearing the resource down: the update expects it running and fails
    state.teardown(MachineConfig.DEFINITION.pointer(MachineConfig.ID));
    assertThatThrownBy(() -> applier.apply("two", "b", false)).isInstanceOf(StateException.PhaseConflict.class);
    assertThat(stateDir.resolve("config.yaml")).hasContent("one");

    state.destroy(MachineConfig.DEFINITION.pointer(MachineConfig.ID));
    var fresh = new InMemoryState();
    try {
      fresh.create(Resource.of(MachineConfig.DEFINITION, MachineConfig.ID, new MachineConfig("x", null, List.of())),
          "someone-else");
      Files.delete(stateDir.resolve("config.yaml"));
      var other = new NodeConfigApplier(fresh, PARSING, new ConfigPreview(List.of()), new MachineConfigStore(stateDir));
      assertThatThrownBy(() -> other.apply("three", "c", false)).isInstanceOf(StateException.class);
      assertThat(stateDir.resolve("config.yaml")).doesNotExist();
    } finally {
      fresh.close();
    }
  }

  @Test
  void theApiAcceptsExactlyTheSizeTheParserReads() {
    assertThat(dev.spindle.api.machine.MachineService.MAX_CONFIG_BYTES)
        .isEqualTo(dev.spindle.resources.config.MachineConfigParser.MAX_BYTES);
  }

  @Test
  void theStoreReadsBackWhatItWrote() throws Exception {
    var store = new MachineConfigStore(stateDir.resolve("nested"));
    assertThat(store.load()).isEmpty();
    store.save("x: 1\n");
    store.save("x: 2\n");
    assertThat(store.load()).contains("x: 2\n");
  }
}

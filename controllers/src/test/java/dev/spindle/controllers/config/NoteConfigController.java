package dev.spindle.controllers.config;

import dev.spindle.resources.ConfigLayer;
import dev.spindle.runtime.controller.Input;
import dev.spindle.runtime.resource.ResourceReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A test config stage: one note per {@code machine.env} variable at the configuration layer, one default note. */
final class NoteConfigController extends ConfigController<NoteSpec> {
  NoteConfigController() {
    super(NoteSpec.DEFINITION, NoteSpec.CONFIG);
  }

  @Override
  protected List<Input> inputs() {
    return List.of(ConfigSources.MACHINE_CONFIG);
  }

  @Override
  public Map<String, NoteSpec> project(ResourceReader sources) {
    var specs = new LinkedHashMap<String, NoteSpec>();
    specs.put(ConfigLayer.DEFAULT.id("greeting"), new NoteSpec("greeting", "hello", ConfigLayer.DEFAULT));
    ConfigSources.machineConfig(sources).flatMap(c -> c.v1alpha1()).ifPresent(v1 ->
        v1.machine().env().forEach((k, v) ->
            specs.put(ConfigLayer.CONFIGURATION.id(k), new NoteSpec(k, v, ConfigLayer.CONFIGURATION))));
    return specs;
  }
}

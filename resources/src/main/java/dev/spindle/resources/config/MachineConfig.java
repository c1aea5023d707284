package dev.spindle.resources.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.spindle.runtime.resource.ResourceDefinition;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The node's machine configuration as a resource ({@code MachineConfigs.config.talos.dev}, id {@code v1alpha1}), as
 * Talos keeps it: the exact text that was applied (its spec, printed as one YAML string) and the typed view the
 * config controllers read. Sensitive: it holds cluster secrets, so only admins may read it.
 */
public record MachineConfig(String text, V1Alpha1Config v1alpha1Document, List<ConfigDocument> documents) {
  public static final String NAMESPACE = "config";
  public static final String ID = "v1alpha1";

  public static final ResourceDefinition<MachineConfig> DEFINITION =
      ResourceDefinition.of(MachineConfig.class, "MachineConfigs.config.talos.dev")
          .defaultNamespace(NAMESPACE)
          .sensitive()
          .build();

  public MachineConfig {
    Objects.requireNonNull(text, "text");
    documents = List.copyOf(documents);
  }

  /**
   * A client's copy, from the text the API sends (its spec is the text alone): parsed again, so the typed view is the
   * one the node holds. The node only ever stores configurations that passed validation.
   */
  @JsonCreator
  public static MachineConfig fromText(String text) {
    try {
      return MachineConfigParser.parse(text, "MachineConfig");
    } catch (ConfigValidationException e) {
      throw new IllegalArgumentException("the machine configuration does not validate: " + e.getMessage(), e);
    }
  }

  @JsonValue
  @Override
  public String text() {
    return text;
  }

  /** The v1alpha1 document, if the configuration has one. */
  public Optional<V1Alpha1Config> v1alpha1() {
    return Optional.ofNullable(v1alpha1Document);
  }

  /** Every document of one kind, in file order. */
  public <D extends ConfigDocument> List<D> documents(Class<D> type) {
    return documents.stream().filter(type::isInstance).map(type::cast).toList();
  }

  @Override
  public String toString() {
    return "MachineConfig[" + text.length() + " characters, v1alpha1=" + (v1alpha1Document != null) + ", documents="
        + documents.stream().map(ConfigDocument::kind).toList() + "]";
  }
}

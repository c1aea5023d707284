package dev.spindle.runtime.resource;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Everything the engine, the API and the CLI need to know about one resource type: the Talos-compatible type string,
 * the display type, the default namespace, aliases, print columns and sensitivity, and the spec class the codecs use.
 *
 * <p>Aliases are derived the way COSI's {@code ResourceDefinitionSpec.Fill} derives them: explicit aliases first, then
 * the lower-cased singular, then the lower-cased capitals ({@code ls} for {@code LinkStatuses}) with an {@code s}
 * appended unless they already end in one. {@link #allAliases()} also holds the lower-cased plural and the plural
 * with each proper prefix of the suffix, which is what {@code talosctl get} matches against.
 *
 * <p>Print column paths are checked against the spec record's components when the definition is built, so a typo
 * fails at class initialisation instead of printing an empty column.
 *
 * @param <S> the spec record type
 */
public final class ResourceDefinition<S> {
  private static final Pattern NAME = Pattern.compile("^[A-Z][A-Za-z0-9-]+$");
  private static final Pattern SUFFIX = Pattern.compile("^[a-z][a-z0-9-]+(\\.[a-z][a-z0-9-]+)*$");
  public static final String DEFAULT_NAMESPACE = "default";

  private final Class<S> specClass;
  private final String type;
  private final String displayType;
  private final String defaultNamespace;
  private final List<String> aliases;
  private final List<String> allAliases;
  private final List<PrintColumn> printColumns;
  private final Sensitivity sensitivity;

  private ResourceDefinition(Builder<S> b) {
    this.specClass = b.specClass;
    this.type = b.type;
    int dot = type.indexOf('.');
    if (dot < 0) {
      throw invalid("missing suffix");
    }
    String name = type.substring(0, dot);
    String suffix = type.substring(dot + 1);
    if (name.isEmpty()) {
      throw invalid("name is empty");
    }
    if (suffix.isEmpty()) {
      throw invalid("suffix is empty");
    }
    if (name.equals(name.toLowerCase(Locale.ROOT))) {
      throw invalid("name should be in CamelCase");
    }
    if (!NAME.matcher(name).matches()) {
      throw invalid("name should match " + NAME.pattern());
    }
    if (!SUFFIX.matcher(suffix).matches()) {
      throw invalid("suffix should match " + SUFFIX.pattern());
    }
    if (!Plurals.isPlural(name)) {
      throw invalid("name should be plural");
    }
    this.displayType = b.displayType != null ? b.displayType : Plurals.singular(name);
    this.defaultNamespace = b.defaultNamespace;

    var aliasSet = new LinkedHashSet<>(b.aliases);
    if (!b.skipAutomaticAliases) {
      aliasSet.add(displayType.toLowerCase(Locale.ROOT));
      String capitals = name.chars().filter(Character::isUpperCase)
          .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
      if (capitals.length() > 1) {
        aliasSet.add(capitals.toLowerCase(Locale.ROOT));
        if (!capitals.endsWith("S")) {
          aliasSet.add(capitals.toLowerCase(Locale.ROOT) + "s");
        }
      }
    }
    this.aliases = List.copyOf(aliasSet);
    var all = new LinkedHashSet<String>();
    if (!b.skipAutomaticAliases) {
      String plural = name.toLowerCase(Locale.ROOT);
      all.add(plural);
      String[] parts = suffix.split("\\.");
      var prefix = new StringBuilder(plural);
      for (int i = 0; i < parts.length - 1; i++) {
        prefix.append('.').append(parts[i]);
        all.add(prefix.toString());
      }
    }
    all.addAll(aliases);
    this.allAliases = List.copyOf(all);
    this.printColumns = List.copyOf(b.columns);
    this.sensitivity = b.sensitivity;
    for (PrintColumn column : printColumns) {
      SpecPaths.check(specClass, column.path(), type);
    }
  }

  private IllegalArgumentException invalid(String why) {
    return new IllegalArgumentException("resource type \"" + type + "\": " + why);
  }

  public static <S> Builder<S> of(Class<S> specClass, String type) {
    return new Builder<>(specClass, type);
  }

  public Class<S> specClass() {
    return specClass;
  }

  public String type() {
    return type;
  }

  public String displayType() {
    return displayType;
  }

  public String defaultNamespace() {
    return defaultNamespace;
  }

  public List<String> aliases() {
    return aliases;
  }

  public List<String> allAliases() {
    return allAliases;
  }

  public List<PrintColumn> printColumns() {
    return printColumns;
  }

  public Sensitivity sensitivity() {
    return sensitivity;
  }

  public boolean sensitive() {
    return sensitivity == Sensitivity.SENSITIVE;
  }

  /** The id of this definition's own {@code ResourceDefinitions.meta.cosi.dev} resource. */
  public String id() {
    return type.toLowerCase(Locale.ROOT);
  }

  /** Whether {@code name} names this type: the type string, the display type or any alias, case-insensitively. */
  public boolean matches(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.equals(id()) || lower.equals(displayType.toLowerCase(Locale.ROOT)) || allAliases.contains(lower);
  }

  public ResourceKind kind() {
    return new ResourceKind(defaultNamespace, type);
  }

  public ResourceKind kind(String namespace) {
    return new ResourceKind(namespace, type);
  }

  public ResourcePointer pointer(String id) {
    return new ResourcePointer(defaultNamespace, type, id);
  }

  public ResourcePointer pointer(String namespace, String id) {
    return new ResourcePointer(namespace, type, id);
  }

  /** Casts a resource read from a {@code State} to this type, failing clearly if its spec is of another class. */
  @SuppressWarnings("unchecked")
  public Resource<S> cast(Resource<?> resource) {
    if (!resource.metadata().type().equals(type) || !specClass.isInstance(resource.spec())) {
      throw new ClassCastException(resource.metadata() + " is not a " + type + " with a " + specClass.getName()
          + " spec (spec is " + resource.spec().getClass().getName() + ")");
    }
    return (Resource<S>) resource;
  }

  @Override
  public String toString() {
    return type;
  }

  /** Builds a {@link ResourceDefinition}; validation happens in {@link #build()}. */
  public static final class Builder<S> {
    private final Class<S> specClass;
    private final String type;
    private String displayType;
    private String defaultNamespace = DEFAULT_NAMESPACE;
    private final List<String> aliases = new ArrayList<>();
    private final List<PrintColumn> columns = new ArrayList<>();
    private Sensitivity sensitivity = Sensitivity.NON_SENSITIVE;
    private boolean skipAutomaticAliases;

    private Builder(Class<S> specClass, String type) {
      this.specClass = Objects.requireNonNull(specClass, "specClass");
      this.type = Objects.requireNonNull(type, "type");
    }

    public Builder<S> defaultNamespace(String namespace) {
      this.defaultNamespace = Objects.requireNonNull(namespace);
      return this;
    }

    /** Overrides the computed singular; rarely needed. */
    public Builder<S> displayType(String name) {
      this.displayType = name;
      return this;
    }

    public Builder<S> alias(String... names) {
      for (String n : names) {
        aliases.add(n.toLowerCase(Locale.ROOT));
      }
      return this;
    }

    public Builder<S> column(String name, String path) {
      columns.add(new PrintColumn(name, path));
      return this;
    }

    public Builder<S> sensitive() {
      this.sensitivity = Sensitivity.SENSITIVE;
      return this;
    }

    public Builder<S> skipAutomaticAliases() {
      this.skipAutomaticAliases = true;
      return this;
    }

    public ResourceDefinition<S> build() {
      return new ResourceDefinition<>(this);
    }
  }
}

package dev.spindle.resources.config;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The front door of the machine configuration: parses Talos machine configuration YAML (the legacy v1alpha1
 * document and the multi-document kinds Spindle reads) and validates it whole, returning either the typed
 * {@link MachineConfig} or every problem found, each located ({@code file:line:column}, document, field path, value,
 * reason), in document order. Pure: nothing is applied here, so a configuration that fails changes nothing.
 *
 * <p>Checks, in the order Talos's loader runs them: YAML syntax; per document, the {@code apiVersion}/{@code kind}
 * envelope and duplicate documents; the field names and value shapes of Talos's schema (an unknown field anywhere is
 * an error); the values of the fields Spindle uses; then conflicts between the v1alpha1 document and the typed kinds
 * ({@link ConflictCheck}).
 */
public final class MachineConfigParser {
  private static final String API_VERSION = "v1alpha1";
  private static final List<String> V1ALPHA1_KEYS = List.of("machine", "cluster", "debug", "persist");
  /**
   * The largest configuration accepted, in bytes of UTF-8: 3 MiB, SnakeYAML's default code-point limit, set
   * explicitly so an upgrade cannot move it. Checked before parsing, so the message names the size.
   */
  public static final int MAX_BYTES = 3 << 20;

  /** The outcome of {@link #check}: the configuration (null when there are errors), the errors and the warnings. */
  public record Result(MachineConfig config, List<ConfigProblem> errors, List<ConfigProblem> warnings) {
    public Result {
      errors = List.copyOf(errors);
      warnings = List.copyOf(warnings);
      if (errors.isEmpty() == (config == null)) {
        throw new IllegalArgumentException("a result has either a configuration or errors");
      }
    }

    public boolean valid() {
      return errors.isEmpty();
    }

    /** The configuration, or the errors as an exception. */
    public MachineConfig orThrow() throws ConfigValidationException {
      if (!errors.isEmpty()) {
        throw new ConfigValidationException(errors);
      }
      return config;
    }
  }

  private MachineConfigParser() {}

  /** Parses and validates in {@link ValidationMode#CONTAINER} mode (Spindle installs nothing to disk). */
  public static MachineConfig parse(String text, String source) throws ConfigValidationException {
    return check(text, source, ValidationMode.CONTAINER).orThrow();
  }

  /** {@link #check(String, String, ValidationMode)} in {@link ValidationMode#CONTAINER} mode. */
  public static Result check(String text, String source) {
    return check(text, source, ValidationMode.CONTAINER);
  }

  /** Parses and validates {@code text}; {@code source} names it in messages (a file name, {@code apply-config}). */
  public static Result check(String text, String source, ValidationMode mode) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(mode, "mode");
    return new Run(text, source == null ? "" : source, mode).run();
  }

  /** One parse: the state of the documents seen so far. */
  private static final class Run {
    private final String text;
    private final ValidationMode mode;
    private final Problems problems;
    private final List<ConfigDocument> documents = new ArrayList<>();
    /** Each typed document with its {@code kind} node and its index in the file, to locate conflicts. */
    private final List<ConflictCheck.Located> typed = new ArrayList<>();
    private final Map<String, Integer> seen = new HashMap<>();
    private final LinkClaims links = new LinkClaims();
    private V1Alpha1Config v1alpha1;
    private int count;

    Run(String text, String source, ValidationMode mode) {
      this.text = text;
      this.mode = mode;
      this.problems = new Problems(source);
    }

    Result run() {
      long bytes = utf8Length(text);
      if (bytes > MAX_BYTES) {
        problems.document("");
        problems.error("the configuration is " + bytes + " bytes; at most " + MAX_BYTES + " are accepted");
        return new Result(null, problems.errors(), problems.warnings());
      }
      var options = new LoaderOptions();
      options.setAllowDuplicateKeys(true); // the schema check reports them, with both lines, and goes on
      options.setCodePointLimit(MAX_BYTES); // a text within MAX_BYTES has at most as many code points
      Iterator<Node> nodes = new Yaml(options).composeAll(new StringReader(text)).iterator();
      while (true) {
        Node root;
        try {
          if (!nodes.hasNext()) {
            break;
          }
          root = nodes.next();
        } catch (MarkedYAMLException e) {
          problems.document("document " + (count + 1));
          problems.error(e.getProblemMark(), "YAML syntax error: " + e.getProblem());
          break;
        } catch (YAMLException e) {
          problems.document("document " + (count + 1));
          problems.error("YAML error: " + e.getMessage());
          break;
        }
        if (YamlTree.isNull(root)) {
          continue; // an empty document, as Talos skips it
        }
        count++;
        document(root);
      }
      if (count == 0 && !problems.hasErrors()) {
        problems.document("");
        problems.error("no configuration documents");
      }
      ConflictCheck.check(v1alpha1, typed, problems);
      MachineConfig config = problems.hasErrors() ? null : new MachineConfig(text, v1alpha1, documents);
      return new Result(config, problems.errors(), problems.warnings());
    }

    /** The UTF-8 length of {@code s}, without encoding it (an unpaired surrogate counts as {@code ?}, one byte). */
    private static long utf8Length(String s) {
      long n = 0;
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c < 0x80) {
          n++;
        } else if (c < 0x800) {
          n += 2;
        } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
          n += 4;
          i++;
        } else if (Character.isSurrogate(c)) {
          n++;
        } else {
          n += 3;
        }
      }
      return n;
    }

    private void document(Node root) {
      String label = "document " + count;
      problems.document(label);
      if (!(root instanceof MappingNode)) {
        problems.error(root, "", null, "expected a mapping (a configuration document)");
        return;
      }
      Node kindNode = YamlTree.field(root, "kind");
      Node apiVersionNode = YamlTree.field(root, "apiVersion");
      String kind = YamlTree.text(kindNode);
      if (kind == null && V1ALPHA1_KEYS.stream().anyMatch(k -> YamlTree.has(root, k))) {
        legacy(root);
        return;
      }
      if (kind == null) {
        problems.error(root, "", null, "missing kind (and not a v1alpha1 document: no machine or cluster section)");
        return;
      }
      problems.document(label + " (" + kind + ")");
      if (!DocumentReader.KINDS.contains(kind) && TalosKinds.contains(kind)) {
        problems.error(kindNode, "", null, "kind " + kind + " is not supported by Spindle yet (supported: "
            + String.join(", ", DocumentReader.KINDS.stream().sorted().toList()) + ")");
        return;
      }
      if (!DocumentReader.KINDS.contains(kind)) {
        problems.error(kindNode, "kind", Problems.shown(kindNode, false),
            "unknown kind (" + String.join(", ", DocumentReader.KINDS) + ")");
        return;
      }
      String apiVersion = YamlTree.text(apiVersionNode);
      if (apiVersion == null) {
        problems.error(kindNode, "apiVersion", null, "missing apiVersion");
      } else if (!apiVersion.equals(API_VERSION)) {
        problems.error(apiVersionNode, "apiVersion", Problems.shown(apiVersionNode, false),
            "unsupported apiVersion for " + kind + " (v1alpha1)");
      }
      SchemaCheck.check(root, ConfigSchema.struct("doc." + kind), problems);
      ConfigDocument document = DocumentReader.read(kind, root, problems);
      String id = switch (document) {
        case TrustedRootsConfig roots -> kind + "/" + roots.name();
        case LinkAliasConfig alias -> kind + "/" + alias.name();
        case LinkDocument link -> kind + "/" + link.name();
        default -> kind;
      };
      if (!duplicate(id, kindNode) && links.claim(document, id, kindNode, problems)) {
        documents.add(document);
        typed.add(new ConflictCheck.Located(document, kindNode, count));
      }
    }

    private void legacy(Node root) {
      problems.document("v1alpha1");
      if (duplicate("v1alpha1", root)) {
        return;
      }
      SchemaCheck.check(root, ConfigSchema.V1ALPHA1, problems);
      v1alpha1 = V1Alpha1Reader.read(root, problems, mode);
    }

    /** Whether a document with {@code id} came before; reports it if so. */
    private boolean duplicate(String id, Node at) {
      Integer first = seen.putIfAbsent(id, at.getStartMark().getLine() + 1);
      if (first != null) {
        problems.error(at, "", null, "duplicate document " + id + " (the first is at line " + first + ")");
        return true;
      }
      return false;
    }
  }
}

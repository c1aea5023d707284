package dev.spindle.resources.config;

import static dev.spindle.resources.config.YamlTree.field;
import static dev.spindle.resources.config.YamlTree.items;
import static dev.spindle.resources.config.YamlTree.text;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads the fields Spindle uses from a v1alpha1 document (already checked against the schema) into
 * {@link V1Alpha1Config}, checking their values as Talos's {@code Config.Validate} does. Spindle is not a Kubernetes
 * node, so the Kubernetes-only rules (machine CA, control-plane endpoint, a required {@code machine.type}) are not
 * enforced; a {@code machine.type} that is given must still be one Talos knows.
 */
final class V1Alpha1Reader {
  private static final Set<String> FILE_OPS = Set.of("create", "append", "overwrite");

  private final Problems problems;
  private final ValidationMode mode;

  private V1Alpha1Reader(Problems problems, ValidationMode mode) {
    this.problems = problems;
    this.mode = mode;
  }

  static V1Alpha1Config read(Node root, Problems problems, ValidationMode mode) {
    return new V1Alpha1Reader(problems, mode).config(root);
  }

  private V1Alpha1Config config(Node root) {
    Node version = field(root, "version");
    if (version != null && !"v1alpha1".equals(text(version))) {
      problems.error(version, "version", Problems.shown(version, false), "invalid config version (expected v1alpha1)");
    }
    Node machine = field(root, "machine");
    if (machine == null) {
      problems.error(root, "machine", null, "machine instructions are required");
    }
    MachineSection machineSection = machine(machine);
    ClusterSection cluster = cluster(field(root, "cluster"));
    return new V1Alpha1Config(machineSection, cluster);
  }

  private MachineSection machine(Node m) {
    if (m == null) {
      return MachineSection.EMPTY;
    }
    String type = type(field(m, "type"));
    Map<String, String> env = SharedFields.env(field(m, "env"), "machine.env", false, problems);
    List<MachineFile> files = files(field(m, "files"));
    TimeSection time = time(field(m, "time"));
    NetworkSection network = NetworkReader.read(field(m, "network"), problems);
    boolean stableHostname = YamlTree.isTrue(field(field(m, "features"), "stableHostname"));
    install(field(m, "install"));
    return new MachineSection(type, env, files, time, network, stableHostname);
  }

  /** Talos's machine types; {@code join} is the old name of {@code worker}, accepted with a warning. */
  private String type(Node node) {
    String type = text(node);
    if (type == null || type.isEmpty()) {
      return "";
    }
    return switch (type) {
      case "init", "controlplane", "worker" -> type;
      case "join" -> {
        problems.warning(node, "machine.type", "use \"worker\" instead of \"join\" for machine type");
        yield "worker";
      }
      default -> {
        problems.error(node, "machine.type", Problems.shown(node, false),
            "unknown machine type (init, controlplane or worker)");
        yield type;
      }
    };
  }

  private List<MachineFile> files(Node node) {
    List<MachineFile> files = new ArrayList<>();
    List<Node> entries = items(node);
    if (!entries.isEmpty()) {
      problems.warning(node, "", ".machine.files is deprecated; use dedicated configuration documents instead");
    }
    for (int i = 0; i < entries.size(); i++) {
      files.add(file(entries.get(i), FieldPath.index("machine.files", i)));
    }
    return files;
  }

  private MachineFile file(Node f, String path) {
    Node pathNode = field(f, "path");
    Node opNode = field(f, "op");
    String filePath = text(pathNode);
    String op = text(opNode);
    if (filePath == null || filePath.isEmpty()) {
      problems.error(pathNode == null ? f : pathNode, FieldPath.field(path, "path"), null, "must be set");
    } else if (!filePath.startsWith("/")) {
      problems.error(pathNode, FieldPath.field(path, "path"), Problems.shown(pathNode, false),
          "must be an absolute path");
    }
    if (op == null || op.isEmpty()) {
      problems.error(opNode == null ? f : opNode, FieldPath.field(path, "op"), null,
          "must be set (create, append or overwrite)");
    } else if (!FILE_OPS.contains(op)) {
      problems.error(opNode, FieldPath.field(path, "op"), Problems.shown(opNode, false),
          "unknown operation (create, append or overwrite)");
    } else if (op.equals("create") && filePath != null && filePath.startsWith("/") && !underVar(filePath)) {
      problems.error(pathNode, FieldPath.field(path, "path"), Problems.shown(pathNode, false),
          "create operation not allowed outside of /var");
    }
    int permissions = permissions(field(f, "permissions"), FieldPath.field(path, "permissions"));
    Node contentNode = field(f, "content");
    String content = text(contentNode);
    if (filePath != null && isCertificatePath(filePath)) {
      SharedFields.certificates(content == null ? "" : content, contentNode == null ? f : contentNode,
          FieldPath.field(path, "content"), problems);
    }
    return new MachineFile(content == null ? "" : content, permissions, filePath == null ? "" : filePath,
        op == null ? "" : op);
  }

  private static boolean underVar(String path) {
    return path.equals("/var") || path.startsWith("/var/");
  }

  /** Where a trust anchor goes: the CA directory, or a file named as a certificate. */
  static boolean isCertificatePath(String path) {
    return path.startsWith("/etc/ssl/certs/") || path.endsWith(".pem") || path.endsWith(".crt");
  }

  private int permissions(Node node, String path) {
    if (node == null) {
      return 0;
    }
    BigInteger mode = YamlTree.integer(node);
    if (mode == null) {
      return 0; // reported by the schema check
    }
    if (mode.signum() < 0 || mode.compareTo(BigInteger.valueOf(07777)) > 0) {
      problems.error(node, path, Problems.shown(node, false), "must be a file mode between 0 and 0o7777 (octal)");
      return 0;
    }
    return mode.intValue();
  }

  private TimeSection time(Node t) {
    if (t == null) {
      return null;
    }
    List<String> servers = SharedFields.nonBlankStrings(field(t, "servers"), "machine.time.servers", problems);
    Duration bootTimeout = SharedFields.duration(field(t, "bootTimeout"), "machine.time.bootTimeout", problems);
    return new TimeSection(YamlTree.isTrue(field(t, "disabled")), servers, bootTimeout);
  }

  private void install(Node install) {
    if (install == null || !mode.requiresInstall()) {
      return;
    }
    String disk = text(field(install, "disk"));
    if ((disk == null || disk.isEmpty()) && field(install, "diskSelector") == null) {
      problems.error(install, "machine.install", null,
          "either install disk or diskSelector should be defined (" + mode.text() + " mode)");
    }
  }

  private ClusterSection cluster(Node c) {
    if (c == null) {
      return ClusterSection.EMPTY;
    }
    String id = text(field(c, "id"));
    String secret = text(field(c, "secret"));
    DiscoverySection discovery = discovery(field(c, "discovery"), id, secret);
    return new ClusterSection(id, secret, discovery);
  }

  private DiscoverySection discovery(Node d, String clusterId, String clusterSecret) {
    if (d == null) {
      return DiscoverySection.DISABLED;
    }
    boolean enabled = YamlTree.isTrue(field(d, "enabled"));
    Node registries = field(d, "registries");
    Node service = field(registries, "service");
    boolean kubernetesDisabled = YamlTree.isTrue(field(field(registries, "kubernetes"), "disabled"));
    boolean serviceDisabled = YamlTree.isTrue(field(service, "disabled"));
    Node endpointNode = field(service, "endpoint");
    String endpoint = text(endpointNode);
    String path = "cluster.discovery.registries.service.endpoint";
    if (endpoint != null && !endpoint.isEmpty()) {
      if (!ValueRules.isHttpUrl(endpoint)) {
        problems.error(endpointNode, path, Problems.shown(endpointNode, false),
            "must be an http or https URL with a host");
      } else if (!ValueRules.urlPath(endpoint).isEmpty() && !ValueRules.urlPath(endpoint).equals("/")) {
        problems.error(endpointNode, path, Problems.shown(endpointNode, false),
            "cluster discovery service path should be empty");
      }
    }
    if (enabled && !serviceDisabled) {
      Node at = YamlTree.keyNode(d, "enabled");
      if (clusterId == null || clusterId.isEmpty()) {
        problems.error(at, "cluster.discovery", null, "cluster discovery service requires .cluster.id");
      }
      if (clusterSecret == null || clusterSecret.isEmpty()) {
        problems.error(at, "cluster.discovery", null, "cluster discovery service requires .cluster.secret");
      }
    }
    return new DiscoverySection(enabled, kubernetesDisabled, serviceDisabled, endpoint);
  }
}

package dev.spindle.cli;

import dev.spindle.resources.network.GoNetip;
import dev.spindle.resources.network.IpAddr;
import dev.spindle.resources.network.IpPrefix;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code spindlectl gen config}: one machine configuration per node of a cluster ({@code controlplane-1.yaml}, …,
 * {@code worker-1.yaml}, …), each valid on its own; with {@code --wireguard-cidr}, a full WireGuard mesh between
 * the nodes, as {@code talosctl cluster create --wireguard-cidr} builds it ({@link WireguardMesh}). The node IPs are
 * {@code --node-ips}, or taken from {@code --node-cidr} from {@code .2} upwards as {@code talosctl cluster create}
 * does. The files hold private keys: they are written owner-only, and nothing is overwritten without
 * {@code --force}.
 *
 * <p>{@code --nodes N} is the global {@code -n/--nodes} (the nodes other commands talk to), which this command, talking
 * to none, reads as the number of nodes: a picocli command cannot declare a flag its parent already passes down.
 */
@Command(name = "config", mixinStandardHelpOptions = true,
    description = {"Generate a machine configuration per node; with --wireguard-cidr, a WireGuard full mesh "
        + "between the nodes (as 'talosctl cluster create --wireguard-cidr').",
        "--nodes <n> (the global -n/--nodes flag) is the number of nodes here, controlplanes included (default 1).",
        "  spindlectl gen config --wireguard-cidr 10.1.0.0/24 --nodes 3 --controlplanes 2 --output-dir mesh"})
final class GenConfigCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--wireguard-cidr", paramLabel = "<cidr>",
      description = "CIDR of the WireGuard network; node i gets its address + (i + 2) on wg0.")
  String wireguardCidr;

  /** The global {@code -n/--nodes}, inherited from the root, read here as the node count (default 1). */
  @ParentCommand
  GenCommand gen;

  /** The node count, from {@link #gen}'s {@code --nodes}. */
  int nodes;

  @Option(names = "--controlplanes", defaultValue = "1", paramLabel = "<m>",
      description = "How many of the nodes are controlplanes, the first ones (default: ${DEFAULT-VALUE}).")
  int controlplanes;

  @Option(names = "--node-ips", split = ",", paramLabel = "<ip>",
      description = "The nodes' own IPs, controlplanes first (an optional /bits sets --node-link's prefix).")
  List<String> nodeIps;

  @Option(names = "--node-cidr", defaultValue = "10.5.0.0/24", paramLabel = "<cidr>",
      description = "Without --node-ips: the nodes' network, nodes from .2 upwards (default: ${DEFAULT-VALUE}).")
  String nodeCidr;

  @Option(names = "--node-link", paramLabel = "<link>",
      description = "Also configure this link of each node (a LinkConfig: up, with the node's IP).")
  String nodeLink;

  @Option(names = "--listen-port", defaultValue = "51111", paramLabel = "<port>",
      description = "UDP port the controlplanes listen on (default: ${DEFAULT-VALUE}).")
  int listenPort;

  @Option(names = "--seed", paramLabel = "<seed>",
      description = "Seed for the keys, for reproducible output (tests only: seeded keys are guessable).")
  Long seed;

  @Option(names = {"-o", "--output-dir"}, defaultValue = ".", paramLabel = "<dir>",
      description = "Directory to write the files into (default: the current one).")
  Path outputDir;

  @Option(names = "--force", description = "Overwrite existing files.")
  boolean force;

  @Override
  public Integer call() throws IOException {
    checkCounts();
    List<IpPrefix> ips = nodeAddresses();
    List<WireguardMesh.Node> mesh = null;
    if (wireguardCidr != null) {
      if (listenPort < 1 || listenPort > 65535) {
        throw usage("--listen-port must be between 1 and 65535, not " + listenPort);
      }
      Random random = seed == null ? new SecureRandom() : new Random(seed);
      try {
        mesh = WireguardMesh.generate(ips.stream().map(IpPrefix::addr).toList(), wireguardCidr, listenPort,
            controlplanes, random);
      } catch (IllegalArgumentException e) {
        throw new CliException(ExitStatus.ERROR, e.getMessage(), e);
      }
    }
    var configs = new ArrayList<NodeConfig>();
    for (int i = 0; i < nodes; i++) {
      boolean controlplane = i < controlplanes;
      String name = controlplane ? "controlplane-" + (i + 1) : "worker-" + (i - controlplanes + 1);
      configs.add(new NodeConfig(name, controlplane, ips.get(i).addr(), nodeLink,
          nodeLink == null ? null : ips.get(i), mesh == null ? null : mesh.get(i)));
    }
    write(configs);
    return ExitStatus.OK.code();
  }

  private void checkCounts() {
    List<String> counts = gen.root.connection.nodes;
    if (counts.size() > 1) {
      throw usage("--nodes: one node count, not a list of nodes (" + String.join(",", counts) + ")");
    }
    try {
      nodes = counts.isEmpty() ? 1 : Integer.parseInt(counts.getFirst().strip());
    } catch (NumberFormatException e) {
      throw usage("--nodes: a node count, not \"" + counts.getFirst() + "\"");
    }
    if (nodes < 1) {
      throw usage("--nodes must be at least 1, not " + nodes);
    }
    if (controlplanes < 1) {
      throw usage("--controlplanes must be at least 1, not " + controlplanes
          + " (only controlplanes are endpoints of the mesh)");
    }
    if (controlplanes > nodes) {
      throw usage("--controlplanes " + controlplanes + " is more than --nodes " + nodes);
    }
  }

  /** Each node's IP, with the prefix length {@code --node-link} gives it. */
  private List<IpPrefix> nodeAddresses() {
    var out = new ArrayList<IpPrefix>();
    if (nodeIps != null) {
      if (spec.commandLine().getParseResult().hasMatchedOption("--node-cidr")) {
        throw usage("--node-ips and --node-cidr are mutually exclusive");
      }
      if (nodeIps.size() != nodes) {
        throw usage("--node-ips has " + nodeIps.size() + " addresses for " + nodes + " nodes");
      }
      for (String text : nodeIps) {
        out.add(nodeIp(text.strip()));
      }
      return out;
    }
    IpPrefix network;
    try {
      network = Prefixes.parse(nodeCidr);
    } catch (IllegalArgumentException e) {
      throw usage("failed to parse node cidr " + nodeCidr + ": " + e.getMessage());
    }
    for (int i = 0; i < nodes; i++) {
      try {
        out.add(new IpPrefix(Prefixes.nth(network, i + 2), network.bits()));
      } catch (IllegalArgumentException e) {
        throw usage("--node-cidr " + nodeCidr + " does not contain enough IPs for " + nodes + " nodes");
      }
    }
    return out;
  }

  private IpPrefix nodeIp(String text) {
    try {
      if (text.contains("/")) {
        return Prefixes.parse(text);
      }
      IpAddr addr = GoNetip.parseAddr(text);
      return new IpPrefix(addr, addr.isV4() ? 32 : 128);
    } catch (IllegalArgumentException e) {
      throw usage("--node-ips: " + e.getMessage());
    }
  }

  private void write(List<NodeConfig> configs) throws IOException {
    Files.createDirectories(outputDir);
    if (!force) {
      for (NodeConfig config : configs) {
        Path file = file(config);
        if (Files.exists(file)) {
          throw new CliException(ExitStatus.ERROR, file + " already exists; use --force to overwrite it");
        }
      }
    }
    var out = spec.commandLine().getOut();
    for (NodeConfig config : configs) {
      Path file = file(config);
      writeOwnerOnly(file, config.yaml());
      out.println("wrote " + file + " (" + config.type() + ", " + config.nodeIp()
          + (config.wireguard() == null ? "" : ", " + WireguardMesh.LINK + " " + config.wireguard().address())
          + ")");
    }
    out.flush();
  }

  private Path file(NodeConfig config) {
    return outputDir.resolve(config.name() + ".yaml");
  }

  /** Through a temporary file created owner-only, so the private key is never readable by others, even briefly. */
  private static void writeOwnerOnly(Path file, String text) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Path temp;
    try {
      temp = Files.createTempFile(dir, ".gen-config-", ".tmp",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      temp = Files.createTempFile(dir, ".gen-config-", ".tmp");
    }
    try {
      Files.writeString(temp, text, StandardCharsets.UTF_8);
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException e) {
      throw new CliException(ExitStatus.ERROR, file + " already exists; use --force to overwrite it", e);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private CliException usage(String message) {
    return new CliException(ExitStatus.USAGE, message);
  }
}

package dev.spindle.resources.config;

import static dev.spindle.resources.config.FieldPath.field;
import static dev.spindle.resources.config.FieldPath.index;
import static dev.spindle.resources.config.YamlTree.text;

import dev.spindle.resources.network.IpPrefix;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a {@code WireguardConfig} document with Talos's checks ({@code WireguardConfigV1Alpha1.Validate}, its
 * messages word for word) and the checks its Go field types make while decoding (an endpoint is a
 * {@code netip.AddrPort}, an allowed IP a {@code netip.Prefix}). A private or preshared key is never shown in a
 * problem: its value reads {@code (redacted)}.
 *
 * <p>Spindle adds three bounds Talos leaves to the kernel, so a configuration the kernel would refuse is refused
 * whole, before anything is applied: the firewall mark fits a signed 32-bit value, the keepalive is at most 65535 s
 * (the kernel's 16-bit field), and an endpoint's port is not 0. A public key given to two peers is a warning: the
 * kernel would merge them into one.
 */
final class WireguardConfigReader {
  private static final BigInteger MAX_PORT = BigInteger.valueOf(65535);
  private static final BigInteger MAX_MARK = BigInteger.valueOf(Integer.MAX_VALUE);
  private static final Duration MAX_KEEPALIVE = Duration.ofSeconds(65535);

  private final Problems problems;
  private final Node root;

  private WireguardConfigReader(Node root, Problems problems) {
    this.root = root;
    this.problems = problems;
  }

  static WireguardConfig read(Node root, Problems problems) {
    return new WireguardConfigReader(root, problems).read();
  }

  private WireguardConfig read() {
    String name = LinkDocumentFields.name(root, problems);
    String privateKey = privateKey();
    int listenPort = bounded("listenPort", MAX_PORT, "wireguard listen port must be between 0 and 65535");
    int firewallMark = bounded("firewallMark", MAX_MARK, "wireguard firewall mark must be between 0 and 2147483647");
    var peers = new ArrayList<WireguardPeerConfig>();
    List<Node> entries = YamlTree.items(YamlTree.field(root, "peers"));
    var seen = new HashMap<String, Integer>();
    for (int i = 0; i < entries.size(); i++) {
      WireguardPeerConfig peer = peer(entries.get(i), i);
      Integer first = peer.publicKey().isEmpty() ? null : seen.putIfAbsent(peer.publicKey(), i);
      if (first != null) {
        problems.warning(YamlTree.field(entries.get(i), "publicKey"), index("peers", i) + ".publicKey",
            "wireguard peer public key repeats peer index " + first + ": the kernel keeps one peer per key, "
                + "with the settings of the last");
      }
      peers.add(peer);
    }
    return new WireguardConfig(name, privateKey, listenPort, firewallMark, peers,
        LinkDocumentFields.common(root, problems));
  }

  private String privateKey() {
    Node node = YamlTree.field(root, "privateKey");
    String key = text(node);
    if (key == null || key.isEmpty()) {
      problems.error(node == null ? YamlTree.keyNode(root, "kind") : node, "privateKey", null,
          "wireguard private key must be specified");
      return "";
    }
    String problem = WireguardKeyRules.documentProblem(key);
    if (problem != null) {
      problems.error(node, "privateKey", Problems.REDACTED, "wireguard private key is invalid: " + problem);
    }
    return key;
  }

  /** An integer field from 0 to {@code max}; 0 when unset or out of range (the error is reported). */
  private int bounded(String key, BigInteger max, String reason) {
    Node node = YamlTree.field(root, key);
    BigInteger value = YamlTree.integer(node);
    if (value == null) {
      return 0; // unset, or not an integer (the schema check reported it)
    }
    if (value.signum() < 0 || value.compareTo(max) > 0) {
      problems.error(node, key, Problems.shown(node, false), reason);
      return 0;
    }
    return value.intValue();
  }

  private WireguardPeerConfig peer(Node entry, int i) {
    String path = index("peers", i);
    String suffix = " (peer index " + i + ")";
    Node publicKeyNode = YamlTree.field(entry, "publicKey");
    String publicKey = text(publicKeyNode);
    if (publicKey == null || publicKey.isEmpty()) {
      problems.error(publicKeyNode == null ? entry : publicKeyNode, field(path, "publicKey"), null,
          "wireguard peer public key must be specified" + suffix);
    } else {
      String problem = WireguardKeyRules.documentProblem(publicKey);
      if (problem != null) {
        problems.error(publicKeyNode, field(path, "publicKey"), Problems.shown(publicKeyNode, false),
            "wireguard peer public key is invalid" + suffix + ": " + problem);
      }
    }
    Node pskNode = YamlTree.field(entry, "presharedKey");
    String psk = text(pskNode);
    if (psk != null && !psk.isEmpty()) {
      String problem = WireguardKeyRules.documentProblem(psk);
      if (problem != null) {
        problems.error(pskNode, field(path, "presharedKey"), Problems.REDACTED,
            "wireguard peer preshared key is invalid" + suffix + ": " + problem);
      }
    }
    Node endpointNode = YamlTree.field(entry, "endpoint");
    String endpoint = text(endpointNode);
    if (endpoint != null && !endpoint.isEmpty() && !ValueRules.isAddrPort(endpoint)) {
      problems.error(endpointNode, field(path, "endpoint"), Problems.shown(endpointNode, false),
          "wireguard peer endpoint must be an IP address and a port from 1 to 65535 (ip:port, [ipv6]:port)" + suffix);
    }
    return new WireguardPeerConfig(publicKey, psk, endpoint, keepalive(entry, path, suffix),
        allowedIps(entry, path, suffix));
  }

  private Duration keepalive(Node entry, String path, String suffix) {
    Node node = YamlTree.field(entry, "persistentKeepaliveInterval");
    Duration keepalive = SharedFields.signedDuration(node);
    if (keepalive == null) {
      return Duration.ZERO;
    }
    String at = field(path, "persistentKeepaliveInterval");
    if (keepalive.isNegative()) {
      problems.error(node, at, Problems.shown(node, false),
          "wireguard peer persistent keepalive interval cannot be negative" + suffix);
      return Duration.ZERO;
    }
    if (keepalive.compareTo(MAX_KEEPALIVE) > 0) {
      problems.error(node, at, Problems.shown(node, false),
          "wireguard peer persistent keepalive interval must be at most 65535s" + suffix);
      return Duration.ZERO;
    }
    return keepalive;
  }

  private List<IpPrefix> allowedIps(Node entry, String path, String suffix) {
    var prefixes = new ArrayList<IpPrefix>();
    List<Node> items = YamlTree.items(YamlTree.field(entry, "allowedIPs"));
    for (int j = 0; j < items.size(); j++) {
      String text = text(items.get(j));
      if (text == null) {
        continue; // a null entry, or one of the wrong shape the schema check reported
      }
      if (!ValueRules.isCidr(text)) {
        problems.error(items.get(j), index(field(path, "allowedIPs"), j), Problems.shown(items.get(j), false),
            "wireguard peer allowed IP must be an IP prefix (address/bits)" + suffix);
      } else {
        prefixes.add(IpPrefix.parse(text));
      }
    }
    return prefixes;
  }
}

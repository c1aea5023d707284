package dev.spindle.resources.config;

import static dev.spindle.resources.config.FieldPath.field;
import static dev.spindle.resources.config.FieldPath.index;
import static dev.spindle.resources.config.YamlTree.items;
import static dev.spindle.resources.config.YamlTree.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads {@code machine.network} into a {@link NetworkSection} and checks its values: the resolver and hostname fields
 * Spindle uses today, and the addressing of each {@code interfaces[]} entry as Talos's device checks do (the entries
 * themselves stay parsed YAML until the link layer models them).
 */
final class NetworkReader {
  private static final String PATH = "machine.network";

  private final Problems problems;
  /** Which link claims each bond or bridge member, to find one claimed twice. */
  private final Map<String, String> members = new HashMap<>();

  private NetworkReader(Problems problems) {
    this.problems = problems;
  }

  static NetworkSection read(Node network, Problems problems) {
    return network == null ? NetworkSection.EMPTY : new NetworkReader(problems).section(network);
  }

  private NetworkSection section(Node n) {
    Node hostnameNode = YamlTree.field(n, "hostname");
    String hostname = text(hostnameNode);
    if (hostname != null && !hostname.isEmpty()) {
      for (String problem : ValueRules.hostnameProblems(hostname)) {
        problems.error(hostnameNode, field(PATH, "hostname"), Problems.shown(hostnameNode, false), problem);
      }
    }
    List<String> nameservers = each(YamlTree.field(n, "nameservers"), field(PATH, "nameservers"),
        ValueRules::isIp, "must be an IP address");
    Node searchNode = YamlTree.field(n, "searchDomains");
    List<String> searchDomains = each(searchNode, field(PATH, "searchDomains"), ValueRules::isDnsName,
        "must be a valid DNS name");
    boolean disableSearchDomain = YamlTree.isTrue(YamlTree.field(n, "disableSearchDomain"));
    Node interfacesNode = YamlTree.field(n, "interfaces");
    List<Node> devices = items(interfacesNode);
    for (int i = 0; i < devices.size(); i++) {
      device(devices.get(i), index(field(PATH, "interfaces"), i));
    }
    // a tree with errors is thrown away, and may hold a recursive alias that would not convert
    List<JsonNode> interfaces = problems.hasErrors() ? List.of() : devices.stream().map(YamlTree::json).toList();
    return new NetworkSection(hostname, nameservers, searchNode == null ? null : searchDomains, disableSearchDomain,
        interfaces);
  }

  /** The list's strings, each checked; an error for each that fails. Empty when the list is absent. */
  private List<String> each(Node list, String path, Predicate<String> rule, String reason) {
    List<String> values = new ArrayList<>();
    List<Node> items = items(list);
    for (int i = 0; i < items.size(); i++) {
      String value = text(items.get(i));
      if (value == null) {
        continue; // a null entry, or one of the wrong shape the schema check reported
      }
      if (!rule.test(value)) {
        problems.error(items.get(i), index(path, i), Problems.shown(items.get(i), false), reason);
      }
      values.add(value);
    }
    return values;
  }

  private void device(Node d, String path) {
    if (!(d instanceof MappingNode)) {
      return;
    }
    String name = text(YamlTree.field(d, "interface"));
    Node selector = YamlTree.field(d, "deviceSelector");
    if ((name == null || name.isEmpty()) && selector == null) {
      problems.error(d, path, null, "either interface or deviceSelector must be set");
    } else if (name != null && !name.isEmpty() && selector != null) {
      problems.error(YamlTree.keyNode(d, "deviceSelector"), path, null,
          "interface and deviceSelector are mutually exclusive");
    }
    if (selector != null && YamlTree.entries(selector).isEmpty()) {
      problems.error(selector, field(path, "deviceSelector"), null, "must not be empty");
    }
    bondSelectors(YamlTree.field(d, "bond"), field(path, "bond"));
    if (YamlTree.field(d, "bond") != null && YamlTree.field(d, "bridge") != null) {
      problems.error(YamlTree.keyNode(d, "bridge"), path, null, "bond and bridge are mutually exclusive");
    }
    addressing(d, path, name);
    members(YamlTree.field(YamlTree.field(d, "bond"), "interfaces"), field(path, "bond.interfaces"), path);
    members(YamlTree.field(YamlTree.field(d, "bridge"), "interfaces"), field(path, "bridge.interfaces"), path);
    List<Node> vlans = items(YamlTree.field(d, "vlans"));
    for (int i = 0; i < vlans.size(); i++) {
      vlan(vlans.get(i), index(field(path, "vlans"), i));
    }
    wireguard(YamlTree.field(d, "wireguard"), field(path, "wireguard"));
  }

  /** Talos's bond checks: members by name or by selector, not both; no selector without a field. */
  private void bondSelectors(Node bond, String path) {
    Node selectors = YamlTree.field(bond, "deviceSelectors");
    List<Node> items = items(selectors);
    if (!items.isEmpty() && !items(YamlTree.field(bond, "interfaces")).isEmpty()) {
      problems.error(YamlTree.keyNode(bond, "deviceSelectors"), path, null,
          "interfaces and deviceSelectors are mutually exclusive");
    }
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i) instanceof MappingNode && YamlTree.entries(items.get(i)).isEmpty()) {
        problems.error(items.get(i), index(field(path, "deviceSelectors"), i), null, "must not be empty");
      }
    }
  }

  /** {@code addresses}, the deprecated {@code cidr}, {@code routes} and {@code vip}: shared by links and VLANs. */
  private void addressing(Node d, String path, String name) {
    Node cidr = YamlTree.field(d, "cidr");
    Node addresses = YamlTree.field(d, "addresses");
    if (cidr != null && addresses != null) {
      problems.error(YamlTree.keyNode(d, "cidr"), path, null, "cidr and addresses are mutually exclusive");
    }
    if (cidr != null) {
      address(cidr, field(path, "cidr"));
      problems.warning(YamlTree.keyNode(d, "cidr"), field(path, "cidr"),
          "deprecated, use addresses" + (name == null || name.isEmpty() ? "" : " (" + name + ")"));
    }
    List<Node> items = items(addresses);
    for (int i = 0; i < items.size(); i++) {
      address(items.get(i), index(field(path, "addresses"), i));
    }
    List<Node> routes = items(YamlTree.field(d, "routes"));
    for (int i = 0; i < routes.size(); i++) {
      route(routes.get(i), index(field(path, "routes"), i));
    }
    Node vipIp = YamlTree.field(YamlTree.field(d, "vip"), "ip");
    if (vipIp instanceof ScalarNode && !ValueRules.isIp(text(vipIp))) {
      problems.error(vipIp, field(path, "vip.ip"), Problems.shown(vipIp, false), "must be an IP address");
    }
  }

  private void address(Node node, String path) {
    String value = text(node);
    if (value != null && !ValueRules.isIpOrCidr(value)) {
      problems.error(node, path, Problems.shown(node, false), "must be an IP address or CIDR");
    }
  }

  private void route(Node r, String path) {
    Node network = YamlTree.field(r, "network");
    Node gateway = YamlTree.field(r, "gateway");
    Node source = YamlTree.field(r, "source");
    if (text(network) != null && !ValueRules.isCidr(text(network))) {
      problems.error(network, field(path, "network"), Problems.shown(network, false), "must be a CIDR");
    }
    if (text(gateway) != null && !ValueRules.isIp(text(gateway))) {
      problems.error(gateway, field(path, "gateway"), Problems.shown(gateway, false), "must be an IP address");
    }
    if (text(source) != null && !ValueRules.isIp(text(source))) {
      problems.error(source, field(path, "source"), Problems.shown(source, false), "must be an IP address");
    }
    if (r instanceof MappingNode && isEmpty(network) && isEmpty(gateway)) {
      problems.error(r, path, null, "either network or gateway should be set");
    }
  }

  private static boolean isEmpty(Node node) {
    String t = text(node);
    return t == null || t.isEmpty();
  }

  /**
   * A VLAN: Talos's {@code checkVlans} checks only its addressing, so a missing id, 0 or one above 4094 is no error
   * (the kernel refuses the link later), only a warning here; the id is a Go {@code uint16}, so one outside 0 to
   * 65535 does not decode and is an error.
   */
  private void vlan(Node v, String path) {
    Node id = YamlTree.field(v, "vlanId");
    var vid = YamlTree.integer(id);
    if (id == null && v instanceof MappingNode) {
      problems.warning(v, field(path, "vlanId"), "not set: VLAN 0 cannot be created");
    } else if (vid != null && (vid.signum() < 0 || vid.bitLength() > 16)) {
      problems.error(id, field(path, "vlanId"), Problems.shown(id, false),
          "must be between 0 and 65535 (a 16-bit VLAN id)");
    } else if (vid != null && (vid.signum() == 0 || vid.intValue() > 4094)) {
      problems.warning(id, field(path, "vlanId"), vid + " is outside 1 to 4094: the VLAN cannot be created");
    }
    addressing(v, path, null);
  }

  private void members(Node list, String path, String owner) {
    List<Node> items = items(list);
    for (int i = 0; i < items.size(); i++) {
      String member = text(items.get(i));
      if (member == null) {
        continue;
      }
      String previous = members.putIfAbsent(member, owner);
      if (previous != null) {
        problems.error(items.get(i), index(path, i), Problems.shown(items.get(i), false),
            "already a member of the link at " + previous);
      }
    }
  }

  /**
   * Talos's {@code checkWireguard} (its reasons, the keys shown as values, the private key redacted): every key is
   * standard base64 of 32 bytes, a missing one too (Talos checks the empty text); an endpoint is {@code host:port};
   * an allowed IP a CIDR. Spindle adds the ranges the kernel enforces: listen port, firewall mark, keepalive.
   */
  private void wireguard(Node w, String path) {
    if (!(w instanceof MappingNode)) {
      return; // absent, or of the wrong shape (reported by the schema check)
    }
    Node privateKey = YamlTree.field(w, "privateKey");
    String privateProblem = WireguardKeyRules.legacyProblem(text(privateKey) == null ? "" : text(privateKey));
    if (privateProblem != null && (privateKey == null || privateKey instanceof ScalarNode)) {
      problems.error(privateKey == null ? w : privateKey, field(path, "privateKey"),
          privateKey == null ? null : Problems.REDACTED, "private key is invalid: " + privateProblem);
    }
    range(YamlTree.field(w, "listenPort"), field(path, "listenPort"), 65535, "listen port");
    range(YamlTree.field(w, "firewallMark"), field(path, "firewallMark"), Integer.MAX_VALUE, "firewall mark");
    List<Node> peers = items(YamlTree.field(w, "peers"));
    for (int i = 0; i < peers.size(); i++) {
      peer(peers.get(i), index(field(path, "peers"), i));
    }
  }

  private void range(Node node, String path, long max, String what) {
    var value = YamlTree.integer(node);
    if (value != null && (value.signum() < 0 || value.compareTo(BigInteger.valueOf(max)) > 0)) {
      problems.error(node, path, Problems.shown(node, false), what + " must be between 0 and " + max);
    }
  }

  private void peer(Node p, String path) {
    Node publicKey = YamlTree.field(p, "publicKey");
    String publicProblem = WireguardKeyRules.legacyProblem(text(publicKey) == null ? "" : text(publicKey));
    if (publicProblem != null && (publicKey == null || publicKey instanceof ScalarNode)) {
      problems.error(publicKey == null ? p : publicKey, field(path, "publicKey"),
          publicKey == null ? null : Problems.shown(publicKey, false), "public key invalid: " + publicProblem);
    }
    Node endpoint = YamlTree.field(p, "endpoint");
    String endpointText = text(endpoint);
    if (endpointText != null && !endpointText.isEmpty() && !ValueRules.isHostPort(endpointText)) {
      problems.error(endpoint, field(path, "endpoint"), Problems.shown(endpoint, false),
          "peer endpoint is invalid: must be host:port (an IPv6 host in brackets, a port from 1 to 65535)");
    }
    SharedFields.duration(YamlTree.field(p, "persistentKeepaliveInterval"), field(path, "persistentKeepaliveInterval"),
        problems);
    List<Node> allowed = items(YamlTree.field(p, "allowedIPs"));
    for (int i = 0; i < allowed.size(); i++) {
      String value = text(allowed.get(i));
      if (value != null && !ValueRules.isCidr(value)) {
        problems.error(allowed.get(i), index(field(path, "allowedIPs"), i), Problems.shown(allowed.get(i), false),
            "peer allowed IP is invalid: invalid CIDR address");
      }
    }
  }
}

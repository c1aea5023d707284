package dev.spindle.resources.config;

import static dev.spindle.resources.config.FieldPath.field;
import static dev.spindle.resources.config.FieldPath.index;
import static dev.spindle.resources.config.YamlTree.items;
import static dev.spindle.resources.config.YamlTree.text;

import dev.spindle.resources.network.DnsProtocol;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads one multi-document kind (already checked against its schema) into its {@link ConfigDocument} record and
 * checks its values with the rules of the Talos type's {@code Validate}. Field paths are relative to the document,
 * as Talos prints them ({@code nameservers[1].address}).
 */
final class DocumentReader {
  /** The kinds Spindle reads, in the order the error for an unknown kind lists them. */
  static final List<String> KINDS = List.of(EnvironmentConfig.KIND, TrustedRootsConfig.KIND, ResolverConfig.KIND,
      TimeSyncConfig.KIND, HostnameConfig.KIND, LinkConfig.KIND, BondConfig.KIND, BridgeConfig.KIND,
      VlanConfig.KIND, DummyLinkConfig.KIND, WireguardConfig.KIND, LinkAliasConfig.KIND);

  private final Problems problems;

  private DocumentReader(Problems problems) {
    this.problems = problems;
  }

  /** The document of {@code kind} (one of {@link #KINDS}). */
  static ConfigDocument read(String kind, Node root, Problems problems) {
    var reader = new DocumentReader(problems);
    return switch (kind) {
      case EnvironmentConfig.KIND -> new EnvironmentConfig(
          SharedFields.env(YamlTree.field(root, "variables"), "variables", true, problems));
      case TrustedRootsConfig.KIND -> reader.trustedRoots(root);
      case ResolverConfig.KIND -> reader.resolver(root);
      case TimeSyncConfig.KIND -> reader.timeSync(root);
      case HostnameConfig.KIND -> reader.hostname(root);
      case LinkConfig.KIND -> LinkConfigReader.read(root, problems);
      case BondConfig.KIND -> BondConfigReader.read(root, problems);
      case BridgeConfig.KIND -> BridgeConfigReader.read(root, problems);
      case VlanConfig.KIND -> VlanConfigReader.read(root, problems);
      case DummyLinkConfig.KIND -> DummyLinkConfigReader.read(root, problems);
      case WireguardConfig.KIND -> WireguardConfigReader.read(root, problems);
      case LinkAliasConfig.KIND -> LinkAliasReader.read(root, problems);
      default -> throw new IllegalArgumentException("not a Spindle document kind: " + kind);
    };
  }

  private TrustedRootsConfig trustedRoots(Node root) {
    Node nameNode = YamlTree.field(root, "name");
    String name = text(nameNode);
    if (name == null || name.isEmpty()) {
      problems.error(nameNode == null ? YamlTree.keyNode(root, "kind") : nameNode, "name", null, "must be set");
    }
    Node certificatesNode = YamlTree.field(root, "certificates");
    String certificates = text(certificatesNode);
    if (certificates == null || certificates.isBlank()) {
      problems.error(certificatesNode == null ? YamlTree.keyNode(root, "kind") : certificatesNode, "certificates",
          null, "must be set");
    } else {
      SharedFields.certificates(certificates, certificatesNode, "certificates", problems);
    }
    return new TrustedRootsConfig(name == null ? "" : name, certificates == null ? "" : certificates);
  }

  private ResolverConfig resolver(Node root) {
    List<NameServerConfig> nameservers = new ArrayList<>();
    List<Node> entries = items(YamlTree.field(root, "nameservers"));
    int encrypted = 0;
    for (int i = 0; i < entries.size(); i++) {
      NameServerConfig ns = nameserver(entries.get(i), index("nameservers", i));
      if (!ns.protocol().isEmpty() && !ns.protocol().equals("Do53")) {
        encrypted++;
      }
      nameservers.add(ns);
    }
    if (encrypted > 0 && encrypted == entries.size()) {
      problems.warning(YamlTree.keyNode(root, "nameservers"), "nameservers", "all configured nameservers use "
          + "encrypted DNS (DoT or DoH): validating certificates requires a correct system clock, so boot may stall "
          + "when NTP servers are configured by hostname; consider keeping at least one plain-DNS fallback or "
          + "configuring NTP servers by IP address");
    }
    Node search = YamlTree.field(root, "searchDomains");
    Node domainsNode = YamlTree.field(search, "domains");
    List<String> domains = domainsNode == null ? null : new ArrayList<>();
    List<Node> items = items(domainsNode);
    for (int i = 0; i < items.size(); i++) {
      String domain = text(items.get(i));
      if (domain != null && !ValueRules.isDnsName(domain)) {
        problems.error(items.get(i), index("searchDomains.domains", i), Problems.shown(items.get(i), false),
            "must be a valid DNS name");
      }
      if (domain != null) {
        domains.add(domain);
      }
    }
    Node disableDefault = YamlTree.field(search, "disableDefault");
    hostDns(YamlTree.field(root, "hostDNS"));
    SearchDomainsConfig searchDomains = domainsNode == null && disableDefault == null ? null
        : new SearchDomainsConfig(domains, YamlTree.isTrue(disableDefault));
    return new ResolverConfig(nameservers, searchDomains);
  }

  private NameServerConfig nameserver(Node entry, String path) {
    Node addressNode = YamlTree.field(entry, "address");
    String address = text(addressNode);
    if (address == null || address.isEmpty()) {
      problems.error(addressNode == null ? entry : addressNode, field(path, "address"), null, "must be set");
    } else if (!ValueRules.isIp(address)) {
      problems.error(addressNode, field(path, "address"), Problems.shown(addressNode, false),
          "nameserver address must be a valid IP");
    }
    Node protocolNode = YamlTree.field(entry, "protocol");
    String protocol = protocol(text(protocolNode));
    Node tlsNode = YamlTree.field(entry, "tlsServerName");
    String tls = text(tlsNode) == null ? "" : text(tlsNode);
    switch (protocol) {
      case "", "Do53" -> {
        if (!tls.isEmpty()) {
          problems.error(tlsNode, field(path, "tlsServerName"), Problems.shown(tlsNode, false),
              "tlsServerName must be empty when protocol is Do53");
        }
      }
      case "DoT", "DoH" -> {
        if (tls.isEmpty()) {
          problems.error(protocolNode, field(path, "tlsServerName"), null,
              "tlsServerName must be set when protocol is " + protocol);
        }
      }
      default -> problems.error(protocolNode, field(path, "protocol"), Problems.shown(protocolNode, false),
          "unsupported DNS protocol (Do53, DoT or DoH)");
    }
    return new NameServerConfig(address == null ? "" : address, protocol, tls);
  }

  /**
   * The protocol's canonical spelling ({@code Do53}, {@code DoT}, {@code DoH}; empty when unset), in any letter case as
   * Talos's enumer parser also tries the lower-cased text; anything else is returned as given, for the error.
   */
  private static String protocol(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    try {
      return DnsProtocol.parse(text).text();
    } catch (IllegalArgumentException e) {
      return text;
    }
  }

  private void hostDns(Node hostDns) {
    if (hostDns == null || YamlTree.isTrue(YamlTree.field(hostDns, "enabled"))) {
      return;
    }
    for (String option : List.of("forwardKubeDNSToHost", "resolveMemberNames")) {
      Node value = YamlTree.field(hostDns, option);
      if (YamlTree.isTrue(value)) {
        problems.error(value, "hostDNS." + option, null,
            "hostDNS." + option + " cannot be enabled when hostDNS.enabled is false");
      }
    }
  }

  private TimeSyncConfig timeSync(Node root) {
    Node enabledNode = YamlTree.field(root, "enabled");
    boolean enabled = enabledNode == null || YamlTree.isTrue(enabledNode);
    Duration bootTimeout = SharedFields.duration(YamlTree.field(root, "bootTimeout"), "bootTimeout", problems);
    Node ntp = YamlTree.field(root, "ntp");
    Node ptp = YamlTree.field(root, "ptp");
    if (ntp != null && ptp != null) {
      problems.error(YamlTree.keyNode(root, "ptp"), "ptp", null,
          "only one of ntp or ptp configuration can be specified");
    }
    boolean useNts = YamlTree.isTrue(YamlTree.field(ntp, "useNTS"));
    List<String> servers = ntpServers(YamlTree.field(ntp, "servers"), useNts);
    List<String> devices = SharedFields.nonBlankStrings(YamlTree.field(ptp, "devices"), "ptp.devices", problems);
    return new TimeSyncConfig(enabled, bootTimeout, servers, useNts, devices);
  }

  /**
   * {@code ntp.servers}: null without the list (even with an {@code ntp} section, as Talos's {@code Servers()} is nil
   * then), each entry non-blank, and hostnames only with NTS.
   */
  private List<String> ntpServers(Node list, boolean useNts) {
    List<String> servers = SharedFields.nonBlankStrings(list, "ntp.servers", problems);
    List<Node> items = items(list);
    for (int i = 0; useNts && i < items.size(); i++) {
      String server = text(items.get(i));
      if (items.get(i) instanceof ScalarNode && server != null && ValueRules.isIp(server)) {
        problems.error(items.get(i), index("ntp.servers", i), Problems.shown(items.get(i), false),
            "NTS requires hostnames, not IP addresses");
      }
    }
    return servers;
  }

  private HostnameConfig hostname(Node root) {
    Node autoNode = YamlTree.field(root, "auto");
    Node hostnameNode = YamlTree.field(root, "hostname");
    String autoText = text(autoNode);
    String hostname = text(hostnameNode);
    boolean hasHostname = hostname != null && !hostname.isEmpty();
    AutoHostname auto = null;
    if (autoText != null) {
      auto = AutoHostname.parse(autoText);
      if (auto == null) {
        problems.error(autoNode, "auto", Problems.shown(autoNode, false), "invalid value for 'auto' (off or stable)");
      }
    }
    if (autoText == null && !hasHostname) {
      problems.error(YamlTree.keyNode(root, "kind"), "", null, "either 'auto' or 'hostname' must be set");
    }
    if (hasHostname && autoText != null && auto != AutoHostname.OFF) {
      problems.error(YamlTree.keyNode(root, "hostname"), "", null,
          "'auto' and 'hostname' cannot be set at the same time");
    }
    if (hasHostname) {
      for (String problem : ValueRules.hostnameProblems(hostname)) {
        problems.error(hostnameNode, "hostname", Problems.shown(hostnameNode, false), problem);
      }
    }
    return new HostnameConfig(hasHostname ? hostname : null, auto);
  }
}

package dev.spindle.controllers.network;

import dev.spindle.controllers.config.ConfigController;
import dev.spindle.controllers.config.ConfigSources;
import dev.spindle.resources.ConfigLayer;
import dev.spindle.resources.config.MachineConfig;
import dev.spindle.resources.config.NameServerConfig;
import dev.spindle.resources.config.NetworkSection;
import dev.spindle.resources.config.ResolverConfig;
import dev.spindle.resources.network.DnsProtocol;
import dev.spindle.resources.network.GoNetip;
import dev.spindle.resources.network.HostnameStatus;
import dev.spindle.resources.network.IpAddr;
import dev.spindle.resources.network.NameServerSpec;
import dev.spindle.resources.network.Namespaces;
import dev.spindle.resources.network.ResolverSpec;
import dev.spindle.runtime.controller.Input;
import dev.spindle.runtime.resource.Resource;
import dev.spindle.runtime.resource.ResourceReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The config stage of the DNS resolvers, as Talos's {@code network.ResolverConfigController}: writes
 * {@code <layer>/resolvers} into {@code network-config} for
 * <ul>
 *   <li>{@code default}, always: 1.1.1.1 and 8.8.8.8, with the node's domain (from {@link HostnameStatus}) as search
 *       domain when a configuration exists and does not disable it;</li>
 *   <li>{@code cmdline}: the DNS fields of {@code ip=}, if any;</li>
 *   <li>{@code configuration}: the name servers and search domains of the first {@code ResolverConfig} document, or
 *       else of v1alpha1 {@code machine.network} ({@code nameservers} that are not addresses are dropped, as Talos
 *       does), when it names servers or sets search domains. Set search domains, even none, override every lower
 *       layer's ({@code searchDomainsOverridden}).</li>
 * </ul>
 *
 * <p>A {@code ResolverConfig} whose {@code searchDomains} section holds only {@code disableDefault} sets no search
 * domains (as in Talos, only a {@code domains} list, even an empty one, overrides the lower layers').
 */
public final class ResolverConfigController extends ConfigController<ResolverSpec> {
  public static final List<NameServerSpec> DEFAULT_SERVERS =
      List.of(NameServerSpec.of(IpAddr.parse("1.1.1.1")), NameServerSpec.of(IpAddr.parse("8.8.8.8")));

  private final CmdlineNetworkSource cmdline = new CmdlineNetworkSource(new WarnOnce(name()));

  public ResolverConfigController() {
    super(ResolverSpec.DEFINITION, Namespaces.NETWORK_CONFIG);
  }

  @Override
  protected List<Input> inputs() {
    return List.of(ConfigSources.MACHINE_CONFIG, ConfigSources.KERNEL_CMDLINE,
        Input.weak(HostnameStatus.DEFINITION).withId(HostnameStatus.ID));
  }

  @Override
  public Map<String, ResolverSpec> project(ResourceReader sources) {
    Optional<Settings> settings = ConfigSources.machineConfig(sources).flatMap(ResolverConfigController::settings);
    Optional<HostnameStatus> hostname = sources.find(HostnameStatus.DEFINITION, HostnameStatus.ID)
        .map(Resource::spec);
    var specs = new LinkedHashMap<String, ResolverSpec>();

    List<String> defaultSearch = settings.filter(s -> !s.disableSearchDomain())
        .flatMap(s -> hostname)
        .map(HostnameStatus::domainname)
        .filter(domain -> !domain.isEmpty())
        .map(List::of)
        .orElse(List.of());
    put(specs, ResolverSpec.of(ConfigLayer.DEFAULT, DEFAULT_SERVERS, defaultSearch));

    cmdline.read(sources).map(CmdlineNetwork::dnsAddresses).filter(dns -> !dns.isEmpty()).ifPresent(dns ->
        put(specs, ResolverSpec.of(ConfigLayer.CMDLINE, dns.stream().map(NameServerSpec::of).toList(), List.of())));

    settings.filter(s -> !s.servers().isEmpty() || s.searchDomains() != null).ifPresent(s -> put(specs,
        new ResolverSpec(List.of(), s.servers(), ConfigLayer.CONFIGURATION,
            s.searchDomains() == null ? List.of() : s.searchDomains(), s.searchDomains() != null)));
    return specs;
  }

  private static void put(Map<String, ResolverSpec> specs, ResolverSpec spec) {
    specs.put(spec.layer().id(ResolverSpec.ID), spec);
  }

  /** Talos's {@code NetworkResolverConfig()}; {@code searchDomains} is null when the configuration does not set them. */
  private record Settings(List<NameServerSpec> servers, List<String> searchDomains, boolean disableSearchDomain) {}

  private static Optional<Settings> settings(MachineConfig config) {
    List<ResolverConfig> documents = config.documents(ResolverConfig.class);
    if (!documents.isEmpty()) {
      ResolverConfig doc = documents.get(0);
      var servers = doc.nameservers().stream().map(ResolverConfigController::nameServer).toList();
      return Optional.of(new Settings(servers, doc.searchDomains() == null ? null : doc.searchDomains().domains(),
          doc.searchDomains() != null && doc.searchDomains().disableDefault()));
    }
    return config.v1alpha1().map(v1 -> {
      NetworkSection network = v1.machine().network();
      var servers = new ArrayList<NameServerSpec>();
      for (String server : network.nameservers()) {
        try {
          servers.add(NameServerSpec.of(GoNetip.parseAddr(server)));
        } catch (IllegalArgumentException notAnAddress) {
          // Talos drops these silently; validation has already reported them
        }
      }
      return new Settings(servers, network.searchDomains(), network.disableSearchDomain());
    });
  }

  private static NameServerSpec nameServer(NameServerConfig config) {
    DnsProtocol protocol = config.protocol().isEmpty() ? DnsProtocol.DO53 : DnsProtocol.parse(config.protocol());
    return new NameServerSpec(GoNetip.parseAddr(config.address()), protocol, config.tlsServerName());
  }
}

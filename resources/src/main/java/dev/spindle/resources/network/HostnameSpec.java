package dev.spindle.resources.network;

import dev.spindle.resources.ConfigLayer;
import dev.spindle.resources.Layered;
import dev.spindle.resources.GoQuote;
import dev.spindle.runtime.codec.ProtoField;
import dev.spindle.runtime.resource.ResourceDefinition;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The host and domain name one configuration layer asks for ({@code network-config}, id {@code <layer>/hostname}) or
 * the merged result ({@code network}, id {@code hostname}), as Talos's {@code HostnameSpecSpec}. Talos gives it no
 * print columns; {@code spindlectl get hostnamespecs -o yaml} shows the layer.
 */
public record HostnameSpec(
    @ProtoField(1) String hostname,
    @ProtoField(2) String domainname,
    @ProtoField(3) ConfigLayer layer) implements NetworkSpec, Layered {
  public static final String ID = "hostname";

  public static final ResourceDefinition<HostnameSpec> DEFINITION =
      ResourceDefinition.of(HostnameSpec.class, "HostnameSpecs.net.talos.dev")
          .defaultNamespace(Namespaces.NETWORK)
          .build();

  public HostnameSpec {
    hostname = hostname == null ? "" : hostname;
    domainname = domainname == null ? "" : domainname;
    layer = layer == null ? ConfigLayer.DEFAULT : layer;
  }

  /**
   * Talos's {@code ParseFQDN}: the host name is the part before the first dot, the domain the rest; then validated
   * as {@link #validate()} does.
   *
   * @throws IllegalArgumentException with Talos's message ({@code invalid hostname "..."}, {@code fqdn is too long: N})
   */
  public static HostnameSpec parseFqdn(String fqdn, ConfigLayer layer) {
    int dot = fqdn.indexOf('.');
    var spec = dot < 0 ? new HostnameSpec(fqdn, "", layer)
        : new HostnameSpec(fqdn.substring(0, dot), fqdn.substring(dot + 1), layer);
    spec.validate();
    return spec;
  }

  /**
   * Talos's rule for a configured hostname ({@code HostnameConfig.Validate}, also applied to
   * {@code machine.network.hostname}): every problem, the FQDN's length first, then the host name (the part before the
   * first dot); lengths in UTF-8 bytes as Go's {@code len}. Empty exactly when {@link #parseFqdn} accepts it.
   */
  public static List<String> fqdnProblems(String fqdn) {
    var problems = new ArrayList<String>(2);
    int fqdnLength = utf8Length(fqdn);
    if (fqdnLength > 253) {
      problems.add("fqdn is too long: " + fqdnLength);
    }
    int dot = fqdn.indexOf('.');
    String host = dot < 0 ? fqdn : fqdn.substring(0, dot);
    int length = utf8Length(host);
    if (length == 0 || length > 63) {
      problems.add("invalid hostname " + GoQuote.quote(host));
    }
    return problems;
  }

  /** The host name is 1 to 63 bytes, the FQDN at most 253, as Talos's {@code Validate} (lengths in UTF-8 bytes). */
  public void validate() {
    int length = utf8Length(hostname);
    if (length == 0 || length > 63) {
      throw new IllegalArgumentException("invalid hostname " + GoQuote.quote(hostname));
    }
    int fqdnLength = utf8Length(fqdn());
    if (fqdnLength > 253) {
      throw new IllegalArgumentException("fqdn is too long: " + fqdnLength);
    }
  }

  public String fqdn() {
    return domainname.isEmpty() ? hostname : hostname + "." + domainname;
  }

  private static int utf8Length(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }
}

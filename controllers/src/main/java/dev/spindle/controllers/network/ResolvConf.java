package dev.spindle.controllers.network;

import dev.spindle.resources.network.DnsProtocol;
import dev.spindle.resources.network.IpAddr;
import dev.spindle.resources.network.NameServerSpec;
import dev.spindle.resources.network.ResolverStatus;
import java.util.List;

/**
 * {@code /etc/resolv.conf} for a {@link ResolverStatus}, as Talos's {@code renderResolvConf} writes it without host
 * DNS: one {@code nameserver} line for each of the first {@value #MAX_NAMESERVERS} plain-DNS (Do53) servers, then, if
 * there are search domains, a blank line and {@code search a b ...}.
 *
 * <p>DoT and DoH servers are left out: libc's stub resolver speaks only plain DNS. Servers past the third are left
 * out because glibc and musl read at most {@code MAXNS} = 3 {@code nameserver} lines and ignore the rest;
 * {@link #dropped} names them so the caller can warn. Search domains are written as given: glibc since 2.26 accepts
 * any number of them (before, at most 6 and 256 characters, {@code MAXDNSRCH}); musl reads only the first 255 bytes
 * of the {@code search} line, and both take the last {@code search} line if there were several.
 */
public final class ResolvConf {
  /** libc's {@code MAXNS}. */
  public static final int MAX_NAMESERVERS = 3;

  private ResolvConf() {}

  public static String render(ResolverStatus status) {
    var out = new StringBuilder();
    plain(status).stream().limit(MAX_NAMESERVERS).forEach(addr -> out.append("nameserver ").append(addr).append('\n'));
    if (!status.searchDomains().isEmpty()) {
      out.append("\nsearch ").append(String.join(" ", status.searchDomains())).append('\n');
    }
    return out.toString();
  }

  /** The plain-DNS servers that do not fit in the file, in order. */
  public static List<IpAddr> dropped(ResolverStatus status) {
    List<IpAddr> plain = plain(status);
    return plain.size() <= MAX_NAMESERVERS ? List.of() : plain.subList(MAX_NAMESERVERS, plain.size());
  }

  /** The Do53 servers; a status written before name servers carried a protocol has only the flat list. */
  private static List<IpAddr> plain(ResolverStatus status) {
    if (status.nameServers().isEmpty()) {
      return status.dnsServers();
    }
    return status.nameServers().stream().filter(ns -> ns.protocol() == DnsProtocol.DO53)
        .map(NameServerSpec::addr).toList();
  }
}

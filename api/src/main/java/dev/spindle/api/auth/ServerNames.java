package dev.spindle.api.auth;

import java.net.InetAddress;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The names the server certificate must carry as subject alternative names. Clients verify the address they dial
 * against these (gRPC enables HTTPS-style hostname verification), so every name or address a client may use to
 * reach the node belongs here. Loopback ({@code localhost}, {@code 127.0.0.1}, {@code ::1}) is always included so
 * that {@code spindlectl} on the node itself works.
 */
public record ServerNames(Set<String> dnsNames, Set<InetAddress> ipAddresses) {

    private static final int SAN_DNS = 2;
    private static final int SAN_IP = 7;
    private static final Pattern DNS_NAME = Pattern.compile("(\\*\\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");

    public ServerNames {
        LinkedHashSet<String> dns = new LinkedHashSet<>();
        dns.add("localhost");
        dnsNames.forEach(name -> dns.add(normalizeDns(name)));
        LinkedHashSet<InetAddress> ips = new LinkedHashSet<>();
        ips.add(InetAddress.ofLiteral("127.0.0.1"));
        ips.add(InetAddress.ofLiteral("::1"));
        ips.addAll(ipAddresses);
        dnsNames = Collections.unmodifiableSet(dns);
        ipAddresses = Collections.unmodifiableSet(ips);
    }

    /** Loopback only. */
    public static ServerNames loopback() {
        return new ServerNames(Set.of(), Set.of());
    }

    /**
     * Hostnames and IP literals mixed, as an operator lists them ({@code node1}, {@code node1.lan}, {@code 10.0.0.5},
     * {@code fd00::5}). IP literals are recognised without any DNS lookup.
     */
    public static ServerNames of(Collection<String> hostsAndAddresses) {
        LinkedHashSet<String> dns = new LinkedHashSet<>();
        LinkedHashSet<InetAddress> ips = new LinkedHashSet<>();
        for (String entry : hostsAndAddresses) {
            String trimmed = entry.trim();
            if (trimmed.isEmpty()) {
                throw new IllegalArgumentException("empty server name");
            }
            InetAddress ip = parseLiteral(trimmed);
            if (ip != null) {
                ips.add(ip);
            } else {
                dns.add(trimmed);
            }
        }
        return new ServerNames(dns, ips);
    }

    /** The name the server certificate's CN shows: the first name that is not {@code localhost}. */
    String primaryName() {
        return dnsNames.stream().filter(n -> !n.equals("localhost")).findFirst().orElse("localhost");
    }

    /** Whether {@code certificate}'s subject alternative names include every name here. */
    public boolean coveredBy(X509Certificate certificate) {
        Set<String> certDns = new LinkedHashSet<>();
        Set<InetAddress> certIps = new LinkedHashSet<>();
        try {
            Collection<List<?>> sans = certificate.getSubjectAlternativeNames();
            if (sans == null) {
                return false;
            }
            for (List<?> san : sans) {
                int type = (Integer) san.get(0);
                if (type == SAN_DNS) {
                    certDns.add(((String) san.get(1)).toLowerCase(Locale.ROOT));
                } else if (type == SAN_IP) {
                    InetAddress ip = parseLiteral((String) san.get(1));
                    if (ip != null) {
                        certIps.add(ip);
                    }
                }
            }
        } catch (CertificateParsingException e) {
            return false;
        }
        return certDns.containsAll(dnsNames) && certIps.containsAll(ipAddresses);
    }

    /** {@code localhost, node1, 127.0.0.1, ::1}: for log lines. */
    @Override
    public String toString() {
        List<String> all = new ArrayList<>(dnsNames);
        ipAddresses.forEach(ip -> all.add(ip.getHostAddress()));
        return String.join(", ", all);
    }

    private static String normalizeDns(String name) {
        String normalized = name.trim().toLowerCase(Locale.ROOT);
        // A SAN dNSName is IA5 (ASCII); refuse what could never match rather than fail later inside the encoder.
        if (!DNS_NAME.matcher(normalized).matches()) {
            throw new IllegalArgumentException("'" + name + "' is neither an IP address nor a valid DNS name");
        }
        return normalized;
    }

    private static InetAddress parseLiteral(String text) {
        try {
            return InetAddress.ofLiteral(text);
        } catch (IllegalArgumentException notAnAddress) {
            return null;
        }
    }
}

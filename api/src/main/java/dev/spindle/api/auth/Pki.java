package dev.spindle.api.auth;

import java.util.Objects;

/**
 * What the daemon needs for mutual TLS: its CA (to verify clients), its server certificate, and the admin client
 * certificate it hands out in the first client config. {@link #toString()} shows no key.
 */
public record Pki(CertificateAuthority ca, CertifiedKey server, CertifiedKey admin) {

    public Pki {
        Objects.requireNonNull(ca, "ca");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(admin, "admin");
    }

    /** A fresh in-memory PKI with default validities: for tests and ephemeral runs. */
    public static Pki generate(ServerNames serverNames) {
        CertificateAuthority ca = CertificateAuthority.generate("spindle");
        return new Pki(ca, ca.issueServer(serverNames), ca.issueClient(Role.ADMIN, "admin"));
    }

    @Override
    public String toString() {
        return "Pki[ca=" + ca.certifiedKey() + ", server=" + server + ", admin=" + admin + "]";
    }
}

package dev.spindle.api.auth;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;

/**
 * One context of a client config: where to connect and the credentials to present, with talosconfig's field names.
 * {@code ca}, {@code crt} and {@code key} hold base64 of PEM text, as talosconfig does (so a value is one YAML scalar
 * without line breaks). {@link #toString()} never shows the key.
 *
 * @param endpoints {@code host:port} addresses of the daemon's API, tried in order
 * @param nodes     nodes to address through the endpoints (reserved, as in Talos; may be empty)
 * @param ca        base64 PEM of the CA certificate(s) to trust for the server
 * @param crt       base64 PEM of the client certificate
 * @param key       base64 PEM of the client private key (a secret)
 */
@JsonPropertyOrder({"endpoints", "nodes", "ca", "crt", "key"})
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ClientContext(List<String> endpoints, List<String> nodes, String ca, String crt, String key) {

    public ClientContext {
        endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
    }

    /** A context presenting {@code client} and trusting {@code caCertificate}. */
    public static ClientContext of(List<String> endpoints, X509Certificate caCertificate, CertifiedKey client) {
        return new ClientContext(endpoints, List.of(),
                base64(Pem.encodeCertificate(caCertificate)),
                base64(client.certificatePem()),
                base64(client.privateKeyPem()));
    }

    /** The CA certificates to trust. */
    public List<X509Certificate> caCertificates() {
        return Pem.decodeCertificates(unbase64("ca", ca));
    }

    /** The client certificate and its key. */
    public CertifiedKey clientCertificate() {
        X509Certificate certificate = Pem.decodeCertificate(unbase64("crt", crt));
        PrivateKey privateKey = Pem.decodePrivateKey(unbase64("key", key));
        return new CertifiedKey(certificate, privateKey);
    }

    private static String base64(String pem) {
        return Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII));
    }

    private static String unbase64(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("context field '" + field + "' is missing");
        }
        try {
            return new String(Base64.getMimeDecoder().decode(value.strip()), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("context field '" + field + "' is not valid base64");
        }
    }

    @Override
    public String toString() {
        return "ClientContext[endpoints=" + endpoints + ", nodes=" + nodes
                + ", ca=" + (ca == null ? "<none>" : "<" + ca.length() + " chars>")
                + ", crt=" + (crt == null ? "<none>" : "<" + crt.length() + " chars>")
                + ", key=" + (key == null ? "<none>" : "<redacted>") + "]";
    }
}

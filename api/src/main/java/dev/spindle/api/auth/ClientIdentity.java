package dev.spindle.api.auth;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * Who a client is: the role from its certificate subject's O= and its name from CN=.
 *
 * @param role the first recognised {@code os:*} organization; Talos allows several O= values (other {@code os:*}
 *             roles such as {@code os:etcd:backup} are skipped, as Spindle does not know them)
 * @param name the subject's common name, or the whole subject if it has none (for messages and audit)
 */
public record ClientIdentity(Role role, String name) {

    public ClientIdentity {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(name, "name");
    }

    /**
     * The identity carried by a client certificate.
     *
     * @throws IllegalArgumentException if no O= value is a Spindle role; the message lists what was found
     */
    public static ClientIdentity fromCertificate(X509Certificate certificate) {
        X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        List<String> organizations = values(subject, BCStyle.O);
        List<String> commonNames = values(subject, BCStyle.CN);
        String name = commonNames.isEmpty() ? subject.toString() : commonNames.getFirst();
        Optional<Role> role = organizations.stream()
                .map(Role::fromOrganization)
                .flatMap(Optional::stream)
                .findFirst();
        if (role.isEmpty()) {
            throw new IllegalArgumentException("client certificate '" + name + "' carries no Spindle role: subject O="
                    + (organizations.isEmpty() ? "(none)" : String.join(", O=", organizations))
                    + "; expected one of " + Role.validRoles());
        }
        return new ClientIdentity(role.get(), name);
    }

    private static List<String> values(X500Name subject, ASN1ObjectIdentifier type) {
        List<String> values = new ArrayList<>();
        for (RDN rdn : subject.getRDNs()) {
            for (AttributeTypeAndValue attribute : rdn.getTypesAndValues()) {
                if (attribute.getType().equals(type)) {
                    // The raw string, not the RFC 4514 escaped form: roles are compared verbatim.
                    values.add(attribute.getValue() instanceof ASN1String text
                            ? text.getString()
                            : IETFUtils.valueToString(attribute.getValue()));
                }
            }
        }
        return values;
    }
}

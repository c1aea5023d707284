package dev.spindle.api.auth;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Certificates the production code would never issue, for negative tests. */
final class TestCertificates {

    private TestCertificates() {
    }

    /** A self-signed certificate whose subject has the given O= values (in order) and CN. */
    static X509Certificate withOrganizations(String commonName, String... organizations) throws Exception {
        return issuedBy(null, commonName, organizations).certificate();
    }

    /** A client certificate signed by {@code ca} (self-signed if null) with the given O= values and CN. */
    static CertifiedKey issuedBy(CertificateAuthority ca, String commonName, String... organizations)
            throws Exception {
        KeyPair keys = CertificateAuthority.newKeyPair();
        X500NameBuilder name = new X500NameBuilder(BCStyle.INSTANCE);
        for (String organization : organizations) {
            name.addRDN(BCStyle.O, organization);
        }
        name.addRDN(BCStyle.CN, commonName);
        Instant now = Instant.now();
        X500Name issuer = ca == null ? name.build() : X500Name.getInstance(
                ca.certificate().getSubjectX500Principal().getEncoded());
        var builder = new JcaX509v3CertificateBuilder(issuer, BigInteger.TWO, Date.from(now.minus(1, ChronoUnit.HOURS)),
                Date.from(now.plus(1, ChronoUnit.DAYS)), name.build(), keys.getPublic());
        var signer = new JcaContentSignerBuilder("SHA256withECDSA")
                .build(ca == null ? keys.getPrivate() : ca.certifiedKey().privateKey());
        return new CertifiedKey(new JcaX509CertificateConverter().getCertificate(builder.build(signer)),
                keys.getPrivate());
    }
}

package dev.spindle.api.auth;

import java.math.BigInteger;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The node's OS CA (Talos's "os" CA): issues the server certificate and client certificates whose subject O= is a
 * {@link Role}.
 *
 * <p>Keys are ECDSA P-256, not Ed25519: P-256 is the one signature curve every TLS 1.2 and 1.3 stack must implement
 * (RFC 8446 §9.1), so BoringSSL (grpc-netty-shaded's default), the JDK's JSSE, grpcurl/OpenSSL and browsers all accept
 * these certificates, whereas Ed25519 certificates are refused by many of them. Keys stay small and handshakes fast.
 *
 * <p>Everything uses the JDK's providers (SunEC) with BouncyCastle only building the X.509 structures, so no
 * security provider is registered globally.
 */
public final class CertificateAuthority {

    /** Talos's default CA lifetime. */
    public static final Duration DEFAULT_CA_VALIDITY = Duration.ofDays(3650);
    /** Talos's default lifetime of issued (leaf) certificates. */
    public static final Duration DEFAULT_LEAF_VALIDITY = Duration.ofDays(365);
    /** notBefore lies this far in the past: a client whose clock is slightly behind must not see "not yet valid". */
    static final Duration CLOCK_SKEW_ALLOWANCE = Duration.ofHours(1);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final CertifiedKey ca;
    private final Clock clock;

    private CertificateAuthority(CertifiedKey ca, Clock clock) {
        this.ca = ca;
        this.clock = clock;
    }

    /** A new self-signed CA valid for {@link #DEFAULT_CA_VALIDITY}. */
    public static CertificateAuthority generate(String commonName) {
        return generate(commonName, DEFAULT_CA_VALIDITY, Clock.systemUTC());
    }

    public static CertificateAuthority generate(String commonName, Duration validity, Clock clock) {
        KeyPair keys = newKeyPair();
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, "spindle")
                .addRDN(BCStyle.CN, commonName)
                .build();
        Instant now = clock.instant();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, randomSerial(),
                Date.from(now.minus(CLOCK_SKEW_ALLOWANCE)), Date.from(now.plus(validity)), subject, keys.getPublic());
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            // pathLen 0: this CA signs leaves only, never another CA.
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    extensions.createSubjectKeyIdentifier(keys.getPublic()));
        } catch (CertIOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot build CA certificate extensions", e);
        }
        X509Certificate certificate = sign(builder, keys.getPrivate());
        return new CertificateAuthority(new CertifiedKey(certificate, keys.getPrivate()), clock);
    }

    /**
     * An existing CA, e.g. loaded from disk.
     *
     * @throws IllegalArgumentException if the certificate is not a CA certificate or the key does not belong to it
     */
    public static CertificateAuthority of(CertifiedKey ca) {
        return of(ca, Clock.systemUTC());
    }

    public static CertificateAuthority of(CertifiedKey ca, Clock clock) {
        if (ca.certificate().getBasicConstraints() < 0) {
            throw new IllegalArgumentException("certificate " + ca.certificate().getSubjectX500Principal().getName()
                    + " is not a CA certificate (no basicConstraints CA:true)");
        }
        if (!ca.keyMatchesCertificate()) {
            throw new IllegalArgumentException("the CA private key does not belong to the CA certificate");
        }
        return new CertificateAuthority(ca, clock);
    }

    public X509Certificate certificate() {
        return ca.certificate();
    }

    /** The CA certificate and its key, for storing. The key is a secret. */
    public CertifiedKey certifiedKey() {
        return ca;
    }

    /** A server certificate with a new key, valid for {@link #DEFAULT_LEAF_VALIDITY}. */
    public CertifiedKey issueServer(ServerNames names) {
        return issueServer(newKeyPair(), names, DEFAULT_LEAF_VALIDITY);
    }

    /**
     * A server certificate (EKU serverAuth) for {@code keys}' public key. Renewal passes the existing key pair so that
     * only the certificate file changes on disk (one atomic rename, never a key/certificate mismatch after a crash).
     */
    public CertifiedKey issueServer(KeyPair keys, ServerNames names, Duration validity) {
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, "spindle")
                .addRDN(BCStyle.CN, names.primaryName())
                .build();
        List<GeneralName> sans = new ArrayList<>();
        names.dnsNames().forEach(dns -> sans.add(new GeneralName(GeneralName.dNSName, dns)));
        for (InetAddress ip : names.ipAddresses()) {
            sans.add(new GeneralName(GeneralName.iPAddress, new DEROctetString(ip.getAddress())));
        }
        X509v3CertificateBuilder builder = leafBuilder(subject, keys.getPublic(), validity);
        try {
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            builder.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(sans.toArray(GeneralName[]::new)));
        } catch (CertIOException e) {
            throw new IllegalStateException("cannot build server certificate extensions", e);
        }
        return new CertifiedKey(sign(builder, ca.privateKey()), keys.getPrivate());
    }

    /** A client certificate for {@code role}, valid for {@link #DEFAULT_LEAF_VALIDITY}. */
    public CertifiedKey issueClient(Role role, String commonName) {
        return issueClient(role, commonName, DEFAULT_LEAF_VALIDITY);
    }

    /** A client certificate (EKU clientAuth) with subject {@code O=<role>, CN=<commonName>} and a new key. */
    public CertifiedKey issueClient(Role role, String commonName, Duration validity) {
        Objects.requireNonNull(role, "role");
        if (commonName == null || commonName.isBlank()) {
            throw new IllegalArgumentException("client certificate needs a common name");
        }
        KeyPair keys = newKeyPair();
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, role.organization())
                .addRDN(BCStyle.CN, commonName)
                .build();
        X509v3CertificateBuilder builder = leafBuilder(subject, keys.getPublic(), validity);
        try {
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
        } catch (CertIOException e) {
            throw new IllegalStateException("cannot build client certificate extensions", e);
        }
        return new CertifiedKey(sign(builder, ca.privateKey()), keys.getPrivate());
    }

    /** Whether this CA signed {@code certificate} (signature and issuer name; validity dates are not checked). */
    public boolean issued(X509Certificate certificate) {
        if (!certificate.getIssuerX500Principal().equals(ca.certificate().getSubjectX500Principal())) {
            return false;
        }
        try {
            certificate.verify(ca.certificate().getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** A fresh ECDSA P-256 key pair from the JDK's provider. */
    public static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no ECDSA P-256 support", e);
        }
    }

    private X509v3CertificateBuilder leafBuilder(X500Name subject, PublicKey publicKey, Duration validity) {
        Instant now = clock.instant();
        Instant notAfter = now.plus(validity);
        if (notAfter.isAfter(ca.certificate().getNotAfter().toInstant())) {
            // A leaf outliving its CA would fail path validation at the CA's expiry anyway; say so now.
            notAfter = ca.certificate().getNotAfter().toInstant();
        }
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ca.certificate(), randomSerial(),
                Date.from(now.minus(CLOCK_SKEW_ALLOWANCE)), Date.from(notAfter), subject, publicKey);
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            // digitalSignature only: ECDSA keys sign the TLS handshake; keyEncipherment applies to RSA alone.
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    extensions.createSubjectKeyIdentifier(publicKey));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    extensions.createAuthorityKeyIdentifier(ca.certificate()));
        } catch (CertIOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot build certificate extensions", e);
        }
        return builder;
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signingKey) {
        try {
            var contentSigner = new JcaContentSignerBuilder(CertifiedKey.signatureAlgorithm(signingKey)).build(signingKey);
            return new JcaX509CertificateConverter().getCertificate(builder.build(contentSigner));
        } catch (OperatorCreationException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign certificate", e);
        }
    }

    /** 128 random bits, positive and non-zero as RFC 5280 §4.1.2.2 requires. */
    private static BigInteger randomSerial() {
        BigInteger serial;
        do {
            serial = new BigInteger(128, RANDOM);
        } while (serial.signum() == 0);
        return serial;
    }

    @Override
    public String toString() {
        return "CertificateAuthority[" + ca + "]";
    }
}

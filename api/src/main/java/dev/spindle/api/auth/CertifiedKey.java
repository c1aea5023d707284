package dev.spindle.api.auth;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * A certificate and the private key for its public key. {@link #toString()} never shows the key: keys are secrets
 * and objects end up in logs.
 */
public record CertifiedKey(X509Certificate certificate, PrivateKey privateKey) {

    public CertifiedKey {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(privateKey, "privateKey");
    }

    /** The certificate in PEM. */
    public String certificatePem() {
        return Pem.encodeCertificate(certificate);
    }

    /** The private key in PKCS#8 PEM. Handle as a secret. */
    public String privateKeyPem() {
        return Pem.encodePrivateKey(privateKey);
    }

    /**
     * Whether the private key belongs to the certificate's public key. Checked by signing and verifying a random
     * challenge, which works for every key type without deriving public keys from private ones.
     */
    public boolean keyMatchesCertificate() {
        try {
            String algorithm = signatureAlgorithm(privateKey);
            byte[] challenge = new byte[32];
            new SecureRandom().nextBytes(challenge);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(privateKey);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(challenge);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /** The JCA signature algorithm for signing with {@code key}. */
    static String signatureAlgorithm(PrivateKey key) {
        return switch (key.getAlgorithm()) {
            case "EC" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            default -> key.getAlgorithm(); // Ed25519, Ed448, EdDSA: the key algorithm names the signature
        };
    }

    @Override
    public String toString() {
        return "CertifiedKey[subject=" + certificate.getSubjectX500Principal().getName()
                + ", serial=" + certificate.getSerialNumber().toString(16)
                + ", notAfter=" + certificate.getNotAfter().toInstant()
                + ", privateKey=<redacted " + privateKey.getAlgorithm() + ">]";
    }
}

package dev.spindle.api.auth;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * PEM encoding of certificates and private keys. Keys are always written as PKCS#8 ({@code PRIVATE KEY}); reading
 * also accepts SEC1 {@code EC PRIVATE KEY}, which talosconfig files produced by Talos use for ECDSA keys.
 *
 * <p>Decoding errors are {@link IllegalArgumentException}s whose messages never quote the input (it may be a key).
 */
public final class Pem {

    private Pem() {
    }

    public static String encodeCertificate(X509Certificate certificate) {
        try {
            return encode("CERTIFICATE", certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("certificate cannot be encoded: " + e.getMessage(), e);
        }
    }

    /** Concatenated PEM blocks, the usual form of a CA bundle. */
    public static String encodeCertificates(List<X509Certificate> certificates) {
        StringBuilder out = new StringBuilder();
        certificates.forEach(c -> out.append(encodeCertificate(c)));
        return out.toString();
    }

    /** PKCS#8 PEM of a private key. The result is a secret. */
    public static String encodePrivateKey(PrivateKey key) {
        byte[] pkcs8 = key.getEncoded();
        if (pkcs8 == null || !"PKCS#8".equals(key.getFormat())) {
            throw new IllegalArgumentException("private key of type " + key.getAlgorithm() + " has no PKCS#8 encoding");
        }
        return encode("PRIVATE KEY", pkcs8);
    }

    /** Exactly one certificate. */
    public static X509Certificate decodeCertificate(String pem) {
        List<X509Certificate> certificates = decodeCertificates(pem);
        if (certificates.size() != 1) {
            throw new IllegalArgumentException("expected one PEM certificate, found " + certificates.size());
        }
        return certificates.getFirst();
    }

    /** Every {@code CERTIFICATE} block; anything else in the text is an error. */
    public static List<X509Certificate> decodeCertificates(String pem) {
        List<X509Certificate> certificates = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        for (Object object : parseAll(pem)) {
            if (!(object instanceof X509CertificateHolder holder)) {
                throw new IllegalArgumentException("expected PEM CERTIFICATE blocks, found " + describe(object));
            }
            try {
                certificates.add(converter.getCertificate(holder));
            } catch (CertificateException e) {
                throw new IllegalArgumentException("invalid certificate: " + e.getMessage(), e);
            }
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("no PEM CERTIFICATE block found");
        }
        return certificates;
    }

    /** Exactly one private key, PKCS#8 ({@code PRIVATE KEY}) or SEC1 ({@code EC PRIVATE KEY}). */
    public static PrivateKey decodePrivateKey(String pem) {
        List<Object> objects = parseAll(pem);
        if (objects.size() != 1) {
            throw new IllegalArgumentException("expected one PEM private key block, found " + objects.size() + " blocks");
        }
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        try {
            return switch (objects.getFirst()) {
                case PrivateKeyInfo info -> converter.getPrivateKey(info);
                case PEMKeyPair pair -> converter.getPrivateKey(pair.getPrivateKeyInfo());
                default -> throw new IllegalArgumentException(
                        "expected a PEM PRIVATE KEY block, found " + describe(objects.getFirst()));
            };
        } catch (IOException e) {
            // No e.getMessage(): the converter's messages may describe key contents.
            throw new IllegalArgumentException("private key cannot be decoded (unsupported algorithm or damaged)");
        }
    }

    private static List<Object> parseAll(String pem) {
        if (pem == null || pem.isBlank()) {
            throw new IllegalArgumentException("empty: no PEM data");
        }
        List<Object> objects = new ArrayList<>();
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object object;
            while ((object = parser.readObject()) != null) {
                objects.add(object);
            }
        } catch (IOException | RuntimeException e) {
            // Truncated or altered base64/DER surfaces here; the message names the block, not its contents.
            throw new IllegalArgumentException("damaged PEM data (truncated or altered): " + e.getClass().getSimpleName());
        }
        if (objects.isEmpty()) {
            throw new IllegalArgumentException("no PEM block found (missing '-----BEGIN' line or truncated)");
        }
        return objects;
    }

    private static String describe(Object object) {
        return switch (object) {
            case X509CertificateHolder _ -> "a CERTIFICATE";
            case PrivateKeyInfo _ -> "a PRIVATE KEY";
            case PEMKeyPair _ -> "an EC PRIVATE KEY";
            default -> "a " + object.getClass().getSimpleName();
        };
    }

    private static String encode(String type, byte[] der) {
        StringWriter out = new StringWriter();
        try (PemWriter writer = new PemWriter(out)) {
            writer.writeObject(new PemObject(type, der));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }
}

package dev.spindle.api.auth;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
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
 *
 * <p>Plain PEM ({@code CERTIFICATE} and PKCS#8 {@code PRIVATE KEY} blocks, as Spindle writes them) is decoded with
 * the JDK alone; everything else (SEC1 keys, headers, text around the blocks, damaged data) goes to BouncyCastle,
 * which also produces every error message. The split exists for {@code spindlectl}'s start-up: its client config is
 * plain PEM, and BouncyCastle's jars are signed, so loading its first class costs a jar signature check, and signed
 * jars' classes cannot be stored in an AOT cache: together about 150 ms of every run. BouncyCastle code lives in
 * the nested {@link Bc} class so that loading or verifying {@code Pem} does not load any of it.
 */
public final class Pem {

    /** The PKCS#8 key algorithms the JDK path tries, most likely first; any other goes to BouncyCastle. */
    private static final List<String> KEY_ALGORITHMS = List.of("EC", "RSA", "Ed25519", "Ed448");

    private Pem() {
    }

    public static String encodeCertificate(X509Certificate certificate) {
        try {
            return Bc.encode("CERTIFICATE", certificate.getEncoded());
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
        return Bc.encode("PRIVATE KEY", pkcs8);
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
        List<X509Certificate> plain = plainCertificates(pem);
        return plain != null ? plain : Bc.decodeCertificates(pem);
    }

    /** Exactly one private key, PKCS#8 ({@code PRIVATE KEY}) or SEC1 ({@code EC PRIVATE KEY}). */
    public static PrivateKey decodePrivateKey(String pem) {
        PrivateKey plain = plainPrivateKey(pem);
        return plain != null ? plain : Bc.decodePrivateKey(pem);
    }

    /** A PEM block's type ({@code CERTIFICATE}) and its DER bytes. */
    private record Block(String type, byte[] der) {
    }

    /**
     * The blocks of plain PEM text: only {@code -----BEGIN/END-----} lines with base64 between them, blank lines
     * aside. Null for anything else, which the caller hands to BouncyCastle.
     */
    private static List<Block> plainBlocks(String pem) {
        if (pem == null) {
            return null;
        }
        List<Block> blocks = new ArrayList<>();
        String type = null;
        StringBuilder base64 = new StringBuilder();
        for (String line : (Iterable<String>) pem.lines()::iterator) {
            line = line.strip();
            if (type == null) {
                if (line.startsWith("-----BEGIN ") && line.endsWith("-----") && line.length() > 16) {
                    type = line.substring("-----BEGIN ".length(), line.length() - "-----".length());
                    base64.setLength(0);
                } else if (!line.isEmpty()) {
                    return null;
                }
            } else if (line.equals("-----END " + type + "-----")) {
                try {
                    blocks.add(new Block(type, Base64.getDecoder().decode(base64.toString())));
                } catch (IllegalArgumentException e) {
                    return null;
                }
                type = null;
            } else if (line.startsWith("-----") || line.indexOf(':') >= 0) {
                return null; // a nested or misnamed marker, or an encryption header
            } else {
                base64.append(line);
            }
        }
        return type != null || blocks.isEmpty() ? null : blocks;
    }

    /** The certificates of plain PEM text made only of {@code CERTIFICATE} blocks; null otherwise. */
    private static List<X509Certificate> plainCertificates(String pem) {
        List<Block> blocks = plainBlocks(pem);
        if (blocks == null) {
            return null;
        }
        List<X509Certificate> certificates = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (Block block : blocks) {
                if (!block.type().equals("CERTIFICATE")) {
                    return null;
                }
                X509Certificate certificate =
                        (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(block.der()));
                // BouncyCastle rejects trailing bytes after the certificate; the JDK would ignore them.
                if (!Arrays.equals(certificate.getEncoded(), block.der())) {
                    return null;
                }
                certificates.add(certificate);
            }
        } catch (CertificateException | ClassCastException e) {
            return null;
        }
        return certificates;
    }

    /** The key of plain PEM text made of one PKCS#8 {@code PRIVATE KEY} block the JDK can read; null otherwise. */
    private static PrivateKey plainPrivateKey(String pem) {
        List<Block> blocks = plainBlocks(pem);
        if (blocks == null || blocks.size() != 1 || !blocks.getFirst().type().equals("PRIVATE KEY")) {
            return null;
        }
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(blocks.getFirst().der());
        for (String algorithm : KEY_ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException | RuntimeException e) {
                // not this algorithm's key (or damaged): try the next, then BouncyCastle
            }
        }
        return null;
    }

    /** The BouncyCastle side: SEC1 keys, PEM the JDK path does not take, every error message, and encoding. */
    private static final class Bc {

        private Bc() {
        }

        static List<X509Certificate> decodeCertificates(String pem) {
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

        static PrivateKey decodePrivateKey(String pem) {
            List<Object> objects = parseAll(pem);
            if (objects.size() != 1) {
                throw new IllegalArgumentException(
                        "expected one PEM private key block, found " + objects.size() + " blocks");
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
                throw new IllegalArgumentException(
                        "damaged PEM data (truncated or altered): " + e.getClass().getSimpleName());
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

        static String encode(String type, byte[] der) {
            StringWriter out = new StringWriter();
            try (PemWriter writer = new PemWriter(out)) {
                writer.writeObject(new PemObject(type, der));
            } catch (IOException e) {
                throw new UncheckedIOException(e); // a StringWriter does not fail
            }
            return out.toString();
        }
    }
}

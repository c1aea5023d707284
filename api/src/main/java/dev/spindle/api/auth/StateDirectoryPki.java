package dev.spindle.api.auth;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The daemon's PKI kept in {@code <state>/pki/}: created on first start, loaded and reused afterwards.
 *
 * <pre>
 * pki/ca.crt      CA certificate (0644)       pki/ca.key      CA private key, PKCS#8 PEM (0600)
 * pki/server.crt  server certificate (0644)   pki/server.key  server private key (0600)
 * pki/admin.crt   os:admin client cert (0644) pki/admin.key   its private key (0600)
 * </pre>
 *
 * <p>First start builds all six files in a private staging directory and renames it to {@code pki/} in one step, so
 * a crash never leaves half a PKI. Later starts read and check every present file before writing anything: a
 * damaged, missing or mismatched file is a {@link PkiFileException} naming it, with nothing changed. The only file
 * ever rewritten is the server certificate: re-issued (same key, one atomic rename) when it expires within
 * {@link #RENEW_BEFORE}, no longer covers the configured {@link ServerNames}, or was not issued by the CA (e.g. the
 * CA was restored from a backup). If the server key or certificate is missing, a new server pair is issued.
 */
public final class StateDirectoryPki {

    /** Sub-directory of the state directory. */
    public static final String DIRECTORY = "pki";
    public static final String CA_CERT = "ca.crt";
    public static final String CA_KEY = "ca.key";
    public static final String SERVER_CERT = "server.crt";
    public static final String SERVER_KEY = "server.key";
    public static final String ADMIN_CERT = "admin.crt";
    public static final String ADMIN_KEY = "admin.key";
    /** The server certificate is re-issued when it expires sooner than this. */
    public static final Duration RENEW_BEFORE = Duration.ofDays(30);

    private static final String STAGING_PREFIX = ".pki-staging-";
    private static final long MAX_FILE_SIZE = 1 << 20;

    /** What {@link #loadOrCreate()} did. */
    public enum Outcome {
        /** First start: a new CA, server and admin certificate were written. */
        CREATED,
        /** Everything was reused as it was. */
        LOADED,
        /** Reused, but the server certificate (or the server key pair, if missing) was issued anew. */
        SERVER_REISSUED
    }

    /**
     * The PKI and what happened; {@code notes} are human sentences for the log (why the server certificate was
     * re-issued, certificates that will expire soon and need an operator).
     */
    public record Loaded(Pki pki, Outcome outcome, List<String> notes) {
        public Loaded {
            notes = List.copyOf(notes);
        }
    }

    private final Path stateDirectory;
    private final ServerNames serverNames;
    private final Duration caValidity;
    private final Duration leafValidity;
    private final Clock clock;

    public StateDirectoryPki(Path stateDirectory, ServerNames serverNames) {
        this(stateDirectory, serverNames, CertificateAuthority.DEFAULT_CA_VALIDITY,
                CertificateAuthority.DEFAULT_LEAF_VALIDITY, Clock.systemUTC());
    }

    private StateDirectoryPki(Path stateDirectory, ServerNames serverNames, Duration caValidity,
                              Duration leafValidity, Clock clock) {
        this.stateDirectory = Objects.requireNonNull(stateDirectory, "stateDirectory");
        this.serverNames = Objects.requireNonNull(serverNames, "serverNames");
        this.caValidity = caValidity;
        this.leafValidity = leafValidity;
        this.clock = clock;
    }

    /** Validity of certificates issued from now on (the CA's applies on first start only). */
    public StateDirectoryPki withValidity(Duration ca, Duration leaf) {
        return new StateDirectoryPki(stateDirectory, serverNames, ca, leaf, clock);
    }

    public StateDirectoryPki withClock(Clock clock) {
        return new StateDirectoryPki(stateDirectory, serverNames, caValidity, leafValidity, clock);
    }

    /** {@code <state>/pki}. */
    public Path directory() {
        return stateDirectory.resolve(DIRECTORY);
    }

    /**
     * Loads the PKI, creating it on first start (when {@code <state>/pki} does not exist).
     *
     * @throws PkiFileException a file is missing, damaged or inconsistent; nothing was written
     * @throws IOException      the file system failed
     */
    public Loaded loadOrCreate() throws IOException {
        Path directory = directory();
        if (Files.notExists(directory)) {
            return create(directory);
        }
        if (!Files.isDirectory(directory)) {
            throw new PkiFileException(directory, "exists but is not a directory");
        }
        return load(directory);
    }

    private Loaded create(Path directory) throws IOException {
        SecureFiles.createPrivateDirectories(stateDirectory);
        removeStaleStaging();
        CertificateAuthority ca = CertificateAuthority.generate("spindle", caValidity, clock);
        Pki pki = new Pki(ca,
                ca.issueServer(CertificateAuthority.newKeyPair(), serverNames, leafValidity),
                ca.issueClient(Role.ADMIN, "admin", leafValidity));
        Path staging = SecureFiles.createPrivateTempDirectory(stateDirectory, STAGING_PREFIX);
        try {
            writePair(staging, CA_CERT, CA_KEY, ca.certifiedKey());
            writePair(staging, SERVER_CERT, SERVER_KEY, pki.server());
            writePair(staging, ADMIN_CERT, ADMIN_KEY, pki.admin());
            SecureFiles.syncDirectory(staging);
            try {
                SecureFiles.moveAtomically(staging, directory);
            } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
                throw new IOException(directory + " appeared while the PKI was being created (another process?)", e);
            }
            SecureFiles.syncDirectory(stateDirectory);
        } finally {
            SecureFiles.deleteRecursively(staging);
        }
        return new Loaded(pki, Outcome.CREATED, List.of());
    }

    /** Staging directories of a first start that crashed hold private keys nobody will use: remove them. */
    private void removeStaleStaging() throws IOException {
        try (DirectoryStream<Path> stale = Files.newDirectoryStream(stateDirectory, STAGING_PREFIX + "*")) {
            for (Path path : stale) {
                SecureFiles.deleteRecursively(path);
            }
        }
    }

    private Loaded load(Path directory) throws IOException {
        // Phase 1: read and check everything. No write happens before every check has passed.
        X509Certificate caCert = readCertificate(directory.resolve(CA_CERT));
        PrivateKey caKey = readKey(directory.resolve(CA_KEY));
        CertifiedKey caPair = matched(directory, CA_CERT, CA_KEY, caCert, caKey);
        if (caCert.getBasicConstraints() < 0) {
            throw new PkiFileException(directory.resolve(CA_CERT), "is not a CA certificate (basicConstraints CA:false)");
        }
        CertificateAuthority ca = CertificateAuthority.of(caPair, clock);

        X509Certificate adminCert = readCertificate(directory.resolve(ADMIN_CERT));
        PrivateKey adminKey = readKey(directory.resolve(ADMIN_KEY));
        CertifiedKey admin = matched(directory, ADMIN_CERT, ADMIN_KEY, adminCert, adminKey);
        if (!ca.issued(adminCert)) {
            throw new PkiFileException(directory.resolve(ADMIN_CERT), "was not issued by " + CA_CERT);
        }

        Path serverCertFile = directory.resolve(SERVER_CERT);
        Path serverKeyFile = directory.resolve(SERVER_KEY);
        X509Certificate serverCert = Files.exists(serverCertFile) ? readCertificate(serverCertFile) : null;
        PrivateKey serverKey = Files.exists(serverKeyFile) ? readKey(serverKeyFile) : null;
        CertifiedKey server = serverCert != null && serverKey != null
                ? matched(directory, SERVER_CERT, SERVER_KEY, serverCert, serverKey)
                : null;

        List<String> notes = new ArrayList<>();
        Instant renewBy = clock.instant().plus(RENEW_BEFORE);
        warnIfExpiring(notes, CA_CERT, caCert, renewBy, "a new CA means new client configs for every client");
        warnIfExpiring(notes, ADMIN_CERT, adminCert, renewBy, "issue a new admin certificate");

        // Phase 2: the server certificate is derived data; renew it when needed.
        String reason = server == null ? "server key pair missing"
                : !ca.issued(server.certificate()) ? SERVER_CERT + " was not issued by " + CA_CERT
                : expiresBefore(server.certificate(), renewBy)
                        ? SERVER_CERT + " expires at " + server.certificate().getNotAfter().toInstant()
                : !serverNames.coveredBy(server.certificate()) ? SERVER_CERT + " does not cover all of " + serverNames
                : null;
        if (reason == null) {
            return new Loaded(new Pki(ca, server, admin), Outcome.LOADED, notes);
        }
        CertifiedKey reissued;
        if (server == null) {
            // Key first: a crash between the two renames leaves a key without certificate, handled the same way.
            reissued = ca.issueServer(CertificateAuthority.newKeyPair(), serverNames, leafValidity);
            SecureFiles.writeAtomically(serverKeyFile, reissued.privateKeyPem().getBytes(StandardCharsets.US_ASCII),
                    SecureFiles.OWNER_ONLY);
        } else {
            // Same key: only server.crt changes, in one atomic rename.
            KeyPair keys = new KeyPair(server.certificate().getPublicKey(), server.privateKey());
            reissued = ca.issueServer(keys, serverNames, leafValidity);
        }
        SecureFiles.writeAtomically(serverCertFile, reissued.certificatePem().getBytes(StandardCharsets.US_ASCII),
                SecureFiles.WORLD_READABLE);
        notes.add("server certificate re-issued: " + reason);
        return new Loaded(new Pki(ca, reissued, admin), Outcome.SERVER_REISSUED, notes);
    }

    private static void warnIfExpiring(List<String> notes, String name, X509Certificate cert, Instant renewBy,
                                       String remedy) {
        if (expiresBefore(cert, renewBy)) {
            notes.add(name + " expires at " + cert.getNotAfter().toInstant() + ": " + remedy);
        }
    }

    private static boolean expiresBefore(X509Certificate cert, Instant instant) {
        return cert.getNotAfter().toInstant().isBefore(instant);
    }

    private static CertifiedKey matched(Path directory, String certName, String keyName, X509Certificate cert,
                                        PrivateKey key) throws PkiFileException {
        CertifiedKey pair = new CertifiedKey(cert, key);
        if (!pair.keyMatchesCertificate()) {
            throw new PkiFileException(directory.resolve(keyName), "is not the private key of " + certName);
        }
        return pair;
    }

    private static X509Certificate readCertificate(Path file) throws IOException {
        String text = readText(file, "a PEM certificate");
        try {
            return Pem.decodeCertificate(text);
        } catch (IllegalArgumentException e) {
            throw new PkiFileException(file, "not a valid PEM certificate: " + e.getMessage());
        }
    }

    private static PrivateKey readKey(Path file) throws IOException {
        String text = readText(file, "a PEM private key");
        try {
            return Pem.decodePrivateKey(text);
        } catch (IllegalArgumentException e) {
            throw new PkiFileException(file, "not a valid PEM private key: " + e.getMessage());
        }
    }

    private static String readText(Path file, String expected) throws IOException {
        if (!Files.exists(file)) {
            throw new PkiFileException(file, "missing (expected " + expected + ")");
        }
        if (!Files.isRegularFile(file)) {
            throw new PkiFileException(file, "not a regular file (expected " + expected + ")");
        }
        long size = Files.size(file);
        if (size == 0) {
            throw new PkiFileException(file, "empty (expected " + expected + ")");
        }
        if (size > MAX_FILE_SIZE) {
            throw new PkiFileException(file, size + " bytes is far too large for " + expected);
        }
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (CharacterCodingException e) {
            throw new PkiFileException(file, "contains binary data (expected " + expected + ", which is ASCII text)");
        }
    }

    private static void writePair(Path directory, String certName, String keyName, CertifiedKey pair)
            throws IOException {
        SecureFiles.writeAtomically(directory.resolve(keyName),
                pair.privateKeyPem().getBytes(StandardCharsets.US_ASCII), SecureFiles.OWNER_ONLY);
        SecureFiles.writeAtomically(directory.resolve(certName),
                pair.certificatePem().getBytes(StandardCharsets.US_ASCII), SecureFiles.WORLD_READABLE);
    }

    @Override
    public String toString() {
        return "StateDirectoryPki[" + directory() + ", " + serverNames + "]";
    }
}

package dev.spindle.cli;

import dev.spindle.api.auth.CertificateAuthority;
import dev.spindle.api.auth.CertifiedKey;
import dev.spindle.api.auth.Pem;
import dev.spindle.api.auth.StateDirectoryPki;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The daemon's CA, read from {@code <state-dir>/pki/ca.crt} and {@code ca.key} and nothing else: unlike
 * {@link StateDirectoryPki#loadOrCreate()} this never creates or renews files, so running it cannot disturb the
 * daemon's PKI. Reading the key needs the daemon's user.
 */
final class NodeCa {
  private NodeCa() {}

  static CertificateAuthority load(Path stateDirectory) {
    Path pki = stateDirectory.resolve(StateDirectoryPki.DIRECTORY);
    String certificate = read(pki.resolve(StateDirectoryPki.CA_CERT), stateDirectory);
    String key = read(pki.resolve(StateDirectoryPki.CA_KEY), stateDirectory);
    try {
      return CertificateAuthority.of(new CertifiedKey(Pem.decodeCertificate(certificate), Pem.decodePrivateKey(key)));
    } catch (IllegalArgumentException e) {
      throw new CliException(ExitStatus.ERROR, "the CA in " + pki + " is unusable: " + e.getMessage(), e);
    }
  }

  private static String read(Path file, Path stateDirectory) {
    try {
      return Files.readString(file, StandardCharsets.US_ASCII);
    } catch (NoSuchFileException e) {
      throw new CliException(ExitStatus.ERROR, "no CA at " + file + " (is " + stateDirectory
          + " the daemon's state directory?)", e);
    } catch (AccessDeniedException e) {
      throw new CliException(ExitStatus.PERMISSION_DENIED, "cannot read " + file
          + ": permission denied (run as the daemon's user)", e);
    } catch (IOException e) {
      throw new CliException(ExitStatus.ERROR, "cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}

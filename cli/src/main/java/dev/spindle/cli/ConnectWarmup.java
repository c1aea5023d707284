package dev.spindle.cli;

import io.grpc.netty.shaded.io.netty.handler.ssl.OpenSsl;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;

/**
 * One-time initialisation a command that connects to nodes needs, started on a second thread while the main thread
 * reads the client config and builds the channels: a {@code get} is mostly single-threaded start-up work, and this
 * runs it on the otherwise idle second core. Two pieces dominate:
 *
 * <ul>
 *   <li>Netty's OpenSSL: loading BoringSSL (see {@link NativeLibraryCache}) and probing its ciphers, about 50 ms,
 *       which the TLS context needs right after the config is read;
 *   <li>the JDK's P-256 ECDSA, which verifies the node's certificate during the handshake: its first use sets up
 *       tables and runs interpreted, about 50 ms; one throwaway signature and verification takes that hit here.
 * </ul>
 *
 * Nothing is shared with the main thread but class initialisation, which the JVM makes safe: if the main thread
 * gets there first, or the warm-up fails, it does the same work itself, as without the warm-up.
 */
final class ConnectWarmup {
  private ConnectWarmup() {}

  static void start() {
    Thread thread = new Thread(ConnectWarmup::run, "spindlectl-warmup");
    thread.setDaemon(true);
    thread.start();
  }

  private static void run() {
    try {
      if (OpenSsl.isAvailable()) {
        NativeLibraryCache.fill();
      }
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      KeyPair pair = generator.generateKeyPair();
      byte[] message = {1, 2, 3};
      Signature signer = Signature.getInstance("SHA256withECDSA");
      signer.initSign(pair.getPrivate());
      signer.update(message);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance("SHA256withECDSA");
      verifier.initVerify(pair.getPublic());
      verifier.update(message);
      verifier.verify(signature);
      StartupTrace.mark("warm-up done (other thread)");
    } catch (GeneralSecurityException | RuntimeException | LinkageError e) {
      // Only a head start: the main thread meets and reports any real problem itself.
    }
  }
}

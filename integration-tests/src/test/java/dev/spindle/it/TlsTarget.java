package dev.spindle.it;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.spindle.api.auth.CertificateAuthority;
import dev.spindle.api.auth.CertifiedKey;
import dev.spindle.api.auth.ServerNames;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * An HTTPS server on 127.0.0.1 whose certificate a private CA issued, as a corporate service would present: only a
 * client that trusts {@link #caPem()} accepts it. It answers every request with {@code hello} and counts them.
 */
final class TlsTarget implements AutoCloseable {
  private final CertificateAuthority ca = CertificateAuthority.generate("Spindle IT corporate root");
  private final HttpsServer server;
  private final AtomicInteger requests = new AtomicInteger();

  TlsTarget() throws IOException, GeneralSecurityException {
    CertifiedKey leaf = ca.issueServer(ServerNames.loopback());
    KeyStore keys = KeyStore.getInstance("PKCS12");
    keys.load(null, null);
    keys.setKeyEntry("server", leaf.privateKey(), new char[0], new Certificate[] {leaf.certificate(), ca.certificate()});
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keys, new char[0]);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(kmf.getKeyManagers(), null, null);
    server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(tls));
    server.createContext("/", exchange -> {
      requests.incrementAndGet();
      byte[] body = "hello".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  String url() {
    return "https://127.0.0.1:" + port() + "/";
  }

  String caPem() {
    return ca.certifiedKey().certificatePem();
  }

  int requests() {
    return requests.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

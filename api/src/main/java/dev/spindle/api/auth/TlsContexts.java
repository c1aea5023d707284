package dev.spindle.api.auth;

import io.grpc.ChannelCredentials;
import io.grpc.ServerCredentials;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettySslContextChannelCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettySslContextServerCredentials;
import io.grpc.netty.shaded.io.netty.handler.ssl.ClientAuth;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLException;

/**
 * Mutual-TLS contexts for grpc-netty-shaded. Netty's {@link SslContext} is used rather than grpc's
 * {@code TlsServerCredentials} because only it lets us pin the protocol versions; {@link #serverCredentials} and
 * {@link #channelCredentials} wrap it for {@code Grpc.newServerBuilderForPort}/{@code Grpc.newChannelBuilder}.
 *
 * <p>The server demands a client certificate chaining to the node's CA ({@link ClientAuth#REQUIRE}): a plaintext
 * connection, a client without certificate or with one from another CA fails the handshake before any RPC. Clients
 * trust only the CA from their config (not the system trust store) and gRPC checks the server certificate's names
 * against the address dialled.
 */
public final class TlsContexts {

    /** TLS 1.3 preferred; 1.2 still accepted for older clients (grpcurl builds, older JDKs). Nothing older. */
    static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    /** The type of the in-memory key store that passes a client key to Netty's key manager; see {@link #client}. */
    static final String IN_MEMORY_KEY_STORE = "JKS";

    private TlsContexts() {
    }

    /** The daemon's server context: its server certificate, clients must present a certificate from its CA. */
    public static SslContext server(Pki pki) throws SSLException {
        return GrpcSslContexts.configure(
                        SslContextBuilder.forServer(pki.server().privateKey(), pki.server().certificate()))
                .trustManager(pki.ca().certificate())
                .clientAuth(ClientAuth.REQUIRE)
                .protocols(PROTOCOLS)
                .build();
    }

    /** A client context from a client config context: present its certificate, trust only its CA. */
    public static SslContext client(ClientContext context) throws SSLException {
        return client(context.caCertificates(), context.clientCertificate());
    }

    /**
     * A client context presenting {@code client} and trusting only {@code trustedCas}.
     *
     * <p>Netty hands the key to its key manager through a throwaway in-memory key store. Its default type, PKCS#12,
     * encrypts the key on the way in and decrypts it on the way out with 10,000 rounds of PBKDF2 each: some 50 ms
     * of a {@code spindlectl} run, still mostly interpreted then. A JKS store only obfuscates the key, which is
     * all an in-memory store that never reaches disk needs.
     */
    public static SslContext client(List<X509Certificate> trustedCas, CertifiedKey client) throws SSLException {
        return GrpcSslContexts.forClient()
                .trustManager(trustedCas.toArray(X509Certificate[]::new))
                .keyManager(client.privateKey(), client.certificate())
                .keyStoreType(IN_MEMORY_KEY_STORE)
                .protocols(PROTOCOLS)
                .build();
    }

    /** {@link #server(Pki)} as transport-independent credentials for {@code Grpc.newServerBuilderForPort}. */
    public static ServerCredentials serverCredentials(Pki pki) throws SSLException {
        return NettySslContextServerCredentials.create(server(pki));
    }

    /** {@link #client(ClientContext)} as credentials for {@code Grpc.newChannelBuilder}. */
    public static ChannelCredentials channelCredentials(ClientContext context) throws SSLException {
        return NettySslContextChannelCredentials.create(client(context));
    }
}

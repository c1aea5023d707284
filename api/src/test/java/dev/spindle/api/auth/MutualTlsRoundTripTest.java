package dev.spindle.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.protobuf.services.HealthStatusManager;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A real gRPC server on 127.0.0.1 over mutual TLS, with the contexts and interceptor the daemon will use. */
class MutualTlsRoundTripTest {

    private final Pki pki = Pki.generate(ServerNames.loopback());
    private final List<ManagedChannel> channels = new ArrayList<>();
    private final AtomicReference<String> negotiatedProtocol = new AtomicReference<>();
    private Server server;

    @BeforeEach
    void startServer() throws Exception {
        AuthInterceptor auth = AuthInterceptor.mutualTls(pki.ca());
        ServerInterceptor recordProtocol = new ServerInterceptor() {
            @Override
            public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                               ServerCallHandler<Q, R> next) {
                negotiatedProtocol.set(call.getAttributes().get(Grpc.TRANSPORT_ATTR_SSL_SESSION).getProtocol());
                return next.startCall(call, headers);
            }
        };
        server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .sslContext(TlsContexts.server(pki))
                .addService(ServerInterceptors.intercept(WhoAmIService.definition(), auth, recordProtocol))
                .addService(ServerInterceptors.intercept(new HealthStatusManager().getHealthService(), auth))
                .build()
                .start();
    }

    @AfterEach
    void stop() throws InterruptedException {
        channels.forEach(ManagedChannel::shutdownNow);
        server.shutdownNow();
        server.awaitTermination(10, TimeUnit.SECONDS);
    }

    @Test
    void adminFromClientConfigIsAuthenticatedAsAdmin() throws Exception {
        ClientContext context = ClientConfig.forAdmin("local", List.of("127.0.0.1:" + server.getPort()), pki)
                .currentContext();
        ManagedChannel channel = track(Grpc.newChannelBuilder(context.endpoints().getFirst(),
                TlsContexts.channelCredentials(context)).build());

        assertThat(WhoAmIService.call(channel)).isEqualTo("os:admin admin write=true");
        assertThat(negotiatedProtocol.get()).isEqualTo("TLSv1.3");
        HealthCheckResponse health = HealthGrpc.newBlockingStub(channel).withDeadlineAfter(20, TimeUnit.SECONDS)
                .check(HealthCheckRequest.getDefaultInstance());
        assertThat(health.getStatus()).isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
    }

    @Test
    void readerAndOperatorRolesAreVisibleServerSide() throws Exception {
        assertThat(WhoAmIService.call(channel(pki.ca().issueClient(Role.READER, "alice"))))
                .isEqualTo("os:reader alice write=false");
        assertThat(WhoAmIService.call(channel(pki.ca().issueClient(Role.OPERATOR, "ops"))))
                .isEqualTo("os:operator ops write=false");
    }

    @Test
    void tls12ClientIsAccepted() throws Exception {
        SslContext tls12 = GrpcSslContexts.forClient()
                .trustManager(pki.ca().certificate())
                .keyManager(pki.admin().privateKey(), pki.admin().certificate())
                .protocols("TLSv1.2")
                .build();
        ManagedChannel channel = track(NettyChannelBuilder.forAddress("127.0.0.1", server.getPort())
                .sslContext(tls12).build());
        assertThat(WhoAmIService.call(channel)).isEqualTo("os:admin admin write=true");
        assertThat(negotiatedProtocol.get()).isEqualTo("TLSv1.2");
    }

    @Test
    void certificateFromTheCaWithoutRoleIsPermissionDenied() throws Exception {
        CertifiedKey backup = TestCertificates.issuedBy(pki.ca(), "backup", "os:etcd:backup");
        ManagedChannel channel = channel(backup);
        assertThatThrownBy(() -> WhoAmIService.call(channel))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
                    assertThat(e.getStatus().getDescription()).isEqualTo("client certificate 'backup' carries no "
                            + "Spindle role: subject O=os:etcd:backup; expected one of os:admin, os:operator, os:reader");
                });
    }

    @Test
    void plaintextClientIsRefused() {
        ManagedChannel plaintext = track(NettyChannelBuilder.forAddress("127.0.0.1", server.getPort())
                .usePlaintext().build());
        assertRefused(() -> WhoAmIService.call(plaintext));
    }

    @Test
    void clientWithCertificateFromAnotherCaIsRefused() throws Exception {
        CertifiedKey foreignAdmin = CertificateAuthority.generate("spindle").issueClient(Role.ADMIN, "admin");
        ManagedChannel channel = channel(foreignAdmin);
        assertRefused(() -> WhoAmIService.call(channel));
    }

    @Test
    void clientWithoutCertificateIsRefused() throws Exception {
        SslContext noCertificate = GrpcSslContexts.forClient().trustManager(pki.ca().certificate()).build();
        ManagedChannel channel = track(NettyChannelBuilder.forAddress("127.0.0.1", server.getPort())
                .sslContext(noCertificate).build());
        assertRefused(() -> WhoAmIService.call(channel));
    }

    @Test
    void serverFromAnotherCaIsNotTrustedByTheClient() throws Exception {
        Pki other = Pki.generate(ServerNames.loopback());
        ManagedChannel channel = track(NettyChannelBuilder.forAddress("127.0.0.1", server.getPort())
                .sslContext(TlsContexts.client(List.of(other.ca().certificate()), other.admin())).build());
        assertRefused(() -> WhoAmIService.call(channel));
    }

    @Test
    void serverCertificateIsNotAcceptedAsClientCertificate() throws Exception {
        // Same CA, but EKU serverAuth only: the TLS layer must not let a stolen server key act as a client.
        ManagedChannel channel = channel(pki.server());
        assertRefused(() -> WhoAmIService.call(channel));
    }

    private ManagedChannel channel(CertifiedKey client) throws Exception {
        return track(NettyChannelBuilder.forAddress("127.0.0.1", server.getPort())
                .sslContext(TlsContexts.client(List.of(pki.ca().certificate()), client)).build());
    }

    private ManagedChannel track(ManagedChannel channel) {
        channels.add(channel);
        return channel;
    }

    private static void assertRefused(Runnable call) {
        // The handshake fails, so no RPC reaches the server: UNAVAILABLE, never a response.
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
    }
}

package dev.spindle.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** In-process servers have no TLS: fixedRole supplies the identity, mutualTls refuses. */
class AuthInterceptorTest {

    private Server server;
    private ManagedChannel channel;

    @AfterEach
    void stop() throws InterruptedException {
        if (channel != null) {
            channel.shutdownNow();
            server.shutdownNow();
            server.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void fixedRoleIsVisibleToTheService() throws Exception {
        start(AuthInterceptor.fixedRole(Role.READER));
        assertThat(WhoAmIService.call(channel)).isEqualTo("os:reader in-process write=false");
    }

    @Test
    void fixedRoleWithName() throws Exception {
        start(AuthInterceptor.fixedRole(Role.ADMIN, "test"));
        assertThat(WhoAmIService.call(channel)).isEqualTo("os:admin test write=true");
    }

    @Test
    void mutualTlsRefusesConnectionsWithoutTls() throws Exception {
        start(AuthInterceptor.mutualTls(CertificateAuthority.generate("spindle")));
        assertThatThrownBy(() -> WhoAmIService.call(channel))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
                    assertThat(e.getStatus().getDescription()).contains("not TLS");
                });
    }

    @Test
    void serviceWithoutInterceptorFailsClosed() throws Exception {
        start(null);
        assertThatThrownBy(() -> WhoAmIService.call(channel))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
    }

    @Test
    void requireWriteRefusesReaders() {
        io.grpc.Context.current().withValue(AuthContext.ROLE, Role.READER).withValue(AuthContext.CLIENT_NAME, "bob")
                .run(() -> assertThatThrownBy(() -> AuthContext.requireWrite("create LinkSpecs.net.talos.dev"))
                        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
                            assertThat(e.getStatus().getDescription()).isEqualTo(
                                    "create LinkSpecs.net.talos.dev needs role os:admin; client 'bob' has os:reader");
                        }));
        io.grpc.Context.current().withValue(AuthContext.ROLE, Role.ADMIN)
                .run(() -> {
                    AuthContext.requireWrite("create");
                    assertThat(AuthContext.canReadSensitive()).isTrue();
                });
    }

    private void start(ServerInterceptor interceptor) throws Exception {
        String name = InProcessServerBuilder.generateName();
        server = InProcessServerBuilder.forName(name)
                .addService(interceptor == null
                        ? WhoAmIService.definition()
                        : ServerInterceptors.intercept(WhoAmIService.definition(), interceptor))
                .build()
                .start();
        channel = InProcessChannelBuilder.forName(name).build();
    }
}

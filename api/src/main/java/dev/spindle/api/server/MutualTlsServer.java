package dev.spindle.api.server;

import dev.spindle.api.WireResources;
import dev.spindle.api.auth.AuthContext;
import dev.spindle.api.auth.AuthInterceptor;
import dev.spindle.api.auth.Pki;
import dev.spindle.api.auth.Role;
import dev.spindle.api.auth.TlsContexts;
import dev.spindle.runtime.state.State;
import io.grpc.BindableService;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * The State service as the daemon serves it: mutual TLS with the node's CA, the caller's rights taken from the role
 * in its client certificate, handlers on virtual threads. Callers add further services and start the server.
 */
public final class MutualTlsServer {
  private MutualTlsServer() {}

  public static NettyServerBuilder builder(InetSocketAddress address, Pki pki, State state, WireResources wire)
      throws IOException {
    return builder(address, pki, state, wire, Map.of());
  }

  /** @param readOnlyTypes types the State service refuses to write, with how they change instead */
  public static NettyServerBuilder builder(InetSocketAddress address, Pki pki, State state, WireResources wire,
      Map<String, String> readOnlyTypes) throws IOException {
    var service = new StateService(state, wire, MutualTlsServer::callerAccess, readOnlyTypes);
    return NettyServerBuilder.forAddress(address)
        .sslContext(TlsContexts.server(pki))
        .executor(Executors.newVirtualThreadPerTaskExecutor())
        .addService(ServerInterceptors.intercept(service, AuthInterceptor.mutualTls(pki.ca())));
  }

  /**
   * A further service behind the same client-certificate check as the State service, so it can ask
   * {@code AuthContext} for the caller's role. Services added to the builder without this see no caller and fail
   * closed.
   */
  public static ServerServiceDefinition authenticated(Pki pki, BindableService service) {
    return ServerInterceptors.intercept(service, AuthInterceptor.mutualTls(pki.ca()));
  }

  /** Only admins write and read sensitive types; operators and readers read the rest. */
  static Access callerAccess() {
    Role role = AuthContext.currentRole();
    return new Access(AuthContext.currentClientName(), role.canWrite(), role.canReadSensitive());
  }
}

package dev.spindle.api.auth;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * Puts the caller's {@link Role} and name into the gRPC {@link Context} ({@link AuthContext}) or refuses the call.
 *
 * <p>{@link #mutualTls} takes the identity from the client certificate of the TLS session: no TLS session or no
 * certificate is UNAUTHENTICATED; a certificate that was not issued by the node's CA is UNAUTHENTICATED (the TLS
 * layer already refuses those; checking again keeps a misconfigured server from trusting self-made admin
 * certificates); a certificate without a Spindle role in O= is PERMISSION_DENIED. {@link #fixedRole} is for
 * in-process servers, which have no TLS.
 */
public final class AuthInterceptor implements ServerInterceptor {

    private final Function<ServerCall<?, ?>, ClientIdentity> authenticate;

    private AuthInterceptor(Function<ServerCall<?, ?>, ClientIdentity> authenticate) {
        this.authenticate = authenticate;
    }

    /** Identity from the client certificate, which must have been issued by {@code ca}. */
    public static AuthInterceptor mutualTls(CertificateAuthority ca) {
        Objects.requireNonNull(ca, "ca");
        // A signature check per call costs an ECDSA verify; a certificate that passed once is the same identity for
        // as long as it is presented (bounded: cleared when it grows past what a node's clients could need).
        var verified = new ConcurrentHashMap<X509Certificate, ClientIdentity>();
        return new AuthInterceptor(call -> fromCertificate(call, ca, verified));
    }

    /** Every call gets {@code role} and the name {@code in-process}: for in-process servers and tests. */
    public static AuthInterceptor fixedRole(Role role) {
        return fixedRole(role, "in-process");
    }

    public static AuthInterceptor fixedRole(Role role, String clientName) {
        ClientIdentity identity = new ClientIdentity(role, clientName);
        return new AuthInterceptor(call -> identity);
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                       ServerCallHandler<Q, R> next) {
        ClientIdentity identity;
        try {
            identity = authenticate.apply(call);
        } catch (StatusRuntimeException refused) {
            call.close(refused.getStatus(), new Metadata());
            return new ServerCall.Listener<>() {
            };
        }
        Context context = Context.current()
                .withValues(AuthContext.ROLE, identity.role(), AuthContext.CLIENT_NAME, identity.name());
        return Contexts.interceptCall(context, call, headers, next);
    }

    private static ClientIdentity fromCertificate(ServerCall<?, ?> call, CertificateAuthority ca,
                                                  Map<X509Certificate, ClientIdentity> verified) {
        SSLSession session = call.getAttributes().get(Grpc.TRANSPORT_ATTR_SSL_SESSION);
        if (session == null) {
            throw unauthenticated("the connection is not TLS; a client certificate issued by the node's CA is required");
        }
        Certificate[] chain;
        try {
            chain = session.getPeerCertificates();
        } catch (SSLPeerUnverifiedException e) {
            throw unauthenticated("no client certificate was presented");
        }
        if (chain.length == 0 || !(chain[0] instanceof X509Certificate certificate)) {
            throw unauthenticated("no X.509 client certificate was presented");
        }
        ClientIdentity known = verified.get(certificate);
        if (known != null) {
            return known;
        }
        if (!ca.issued(certificate)) {
            throw unauthenticated("client certificate '" + certificate.getSubjectX500Principal().getName()
                    + "' was not issued by the node's CA");
        }
        try {
            ClientIdentity identity = ClientIdentity.fromCertificate(certificate);
            if (verified.size() > 1024) {
                verified.clear();
            }
            verified.put(certificate, identity);
            return identity;
        } catch (IllegalArgumentException noRole) {
            throw Status.PERMISSION_DENIED.withDescription(noRole.getMessage()).asRuntimeException();
        }
    }

    private static StatusRuntimeException unauthenticated(String message) {
        return Status.UNAUTHENTICATED.withDescription(message).asRuntimeException();
    }

    @Override
    public String toString() {
        return "AuthInterceptor";
    }
}

package dev.spindle.api.auth;

import io.grpc.Context;
import io.grpc.Status;

/**
 * The caller's identity inside a gRPC call, put there by {@link AuthInterceptor}. Service code asks here rather than
 * looking at certificates, so the same service runs over mutual TLS and in-process.
 */
public final class AuthContext {

    /** The caller's role. */
    public static final Context.Key<Role> ROLE = Context.key("spindle-role");
    /** The caller's name (client certificate CN). */
    public static final Context.Key<String> CLIENT_NAME = Context.key("spindle-client-name");

    private AuthContext() {
    }

    /**
     * The current call's role. Fails closed: without {@link AuthInterceptor} in front of the service there is no
     * role and the call is refused with UNAUTHENTICATED rather than treated as anyone in particular.
     */
    public static Role currentRole() {
        Role role = ROLE.get();
        if (role == null) {
            throw Status.UNAUTHENTICATED
                    .withDescription("no authenticated caller (the service is not behind AuthInterceptor)")
                    .asRuntimeException();
        }
        return role;
    }

    /** The current call's client name, or {@code "unknown"} outside an authenticated call. */
    public static String currentClientName() {
        String name = CLIENT_NAME.get();
        return name == null ? "unknown" : name;
    }

    /**
     * Refuses the current call with PERMISSION_DENIED unless its role may write.
     *
     * @param operation what is being attempted, for the message ({@code "create LinkSpecs.net.talos.dev"})
     */
    public static void requireWrite(String operation) {
        Role role = currentRole();
        if (!role.canWrite()) {
            throw Status.PERMISSION_DENIED
                    .withDescription(operation + " needs role " + Role.ADMIN.organization() + "; client '"
                            + currentClientName() + "' has " + role.organization())
                    .asRuntimeException();
        }
    }

    /** Whether the current call may read sensitive resources. */
    public static boolean canReadSensitive() {
        return currentRole().canReadSensitive();
    }
}

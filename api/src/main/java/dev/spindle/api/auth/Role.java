package dev.spindle.api.auth;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a client may do, as Talos models it: the role travels in the client certificate's subject Organization (O=),
 * so it is vouched for by the CA that signed the certificate and needs no separate user database.
 */
public enum Role {
    /** Everything, including writes and reading sensitive resources (secrets, keys). */
    ADMIN("os:admin"),
    /** Read everything that is not sensitive; in Talos operators may also run maintenance actions (none exist yet). */
    OPERATOR("os:operator"),
    /** Read everything that is not sensitive. */
    READER("os:reader");

    private final String organization;

    Role(String organization) {
        this.organization = organization;
    }

    /** The certificate subject Organization value that carries this role, e.g. {@code os:admin}. */
    public String organization() {
        return organization;
    }

    /** Whether create/update/destroy/teardown of resources is allowed. Talos allows writes to admins only. */
    public boolean canWrite() {
        return this == ADMIN;
    }

    /** Whether resources whose definition is marked sensitive may be read. Admin only, as in Talos. */
    public boolean canReadSensitive() {
        return this == ADMIN;
    }

    /** The role whose organization is exactly {@code text}, if any (no error: used to skip foreign O= values). */
    public static Optional<Role> fromOrganization(String text) {
        for (Role role : values()) {
            if (role.organization.equals(text)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    /**
     * Parses a role as a person types it: the organization ({@code os:admin}) or the bare name ({@code admin},
     * case-insensitive).
     *
     * @throws IllegalArgumentException naming the valid roles
     */
    public static Role parse(String text) {
        if (text != null) {
            String trimmed = text.trim();
            Optional<Role> byOrganization = fromOrganization(trimmed);
            if (byOrganization.isPresent()) {
                return byOrganization.get();
            }
            for (Role role : values()) {
                if (role.name().equals(trimmed.toUpperCase(Locale.ROOT))) {
                    return role;
                }
            }
        }
        throw new IllegalArgumentException("unknown role '" + text + "'; valid roles are " + validRoles());
    }

    /** {@code os:admin, os:operator, os:reader}: for error messages. */
    static String validRoles() {
        return Arrays.stream(values()).map(Role::organization).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return organization;
    }
}

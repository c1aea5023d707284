package dev.spindle.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RoleTest {

    @Test
    void parsesOrganizationsAndBareNames() {
        assertThat(Role.parse("os:admin")).isEqualTo(Role.ADMIN);
        assertThat(Role.parse("os:operator")).isEqualTo(Role.OPERATOR);
        assertThat(Role.parse(" os:reader ")).isEqualTo(Role.READER);
        assertThat(Role.parse("Reader")).isEqualTo(Role.READER);
    }

    @Test
    void unknownRoleListsTheValidOnes() {
        assertThatThrownBy(() -> Role.parse("os:etcd:backup"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown role 'os:etcd:backup'; valid roles are os:admin, os:operator, os:reader");
        assertThatThrownBy(() -> Role.parse(null)).hasMessageContaining("valid roles are");
    }

    @Test
    void onlyAdminWritesAndReadsSensitive() {
        assertThat(Role.ADMIN.canWrite()).isTrue();
        assertThat(Role.ADMIN.canReadSensitive()).isTrue();
        for (Role role : new Role[] {Role.OPERATOR, Role.READER}) {
            assertThat(role.canWrite()).as(role.name()).isFalse();
            assertThat(role.canReadSensitive()).as(role.name()).isFalse();
        }
    }

    @Test
    void fromOrganizationIsExact() {
        assertThat(Role.fromOrganization("os:admin")).contains(Role.ADMIN);
        assertThat(Role.fromOrganization("admin")).isEmpty();
        assertThat(Role.fromOrganization("OS:ADMIN")).isEmpty();
    }
}

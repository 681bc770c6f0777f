package io.mcprospero.identity.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClaimMappingTest {

    private static final ClaimNames ZITADEL = new ClaimNames("email", "email_verified", "name",
            "urn:zitadel:iam:user:resourceowner:id", "urn:zitadel:iam:org:project:roles");

    @Test
    void zitadelsClaimsMapByConfiguredNamesIncludingItsRolesObject() {
        UpstreamIdentity person = ClaimMapping.map("https://auth.example.com", "281", Map.of(
                "email", "ada@example.com", "email_verified", true, "name", "Ada",
                "urn:zitadel:iam:user:resourceowner:id", "org-7",
                "urn:zitadel:iam:org:project:roles", Map.of("builder", Map.of("org-7", "example.com"), "viewer", Map.of())), ZITADEL);

        assertThat(person.email()).isEqualTo("ada@example.com");
        assertThat(person.emailVerified()).isTrue();
        assertThat(person.name()).isEqualTo("Ada");
        assertThat(person.orgId()).isEqualTo("org-7");
        assertThat(person.roles()).containsExactlyInAnyOrder("builder", "viewer");
        assertThat(person.subject()).isEqualTo("281");
    }

    @Test
    void rolesMayBeAnArrayOrAStringAndAMissingOrFalseVerificationIsUnverified() {
        ClaimNames names = new ClaimNames("mail", "verified", "display", null, "groups");
        assertThat(ClaimMapping.map("i", "s", Map.of("mail", "b@example.com", "groups", List.of("a", "b")), names).roles())
                .containsExactly("a", "b");
        assertThat(ClaimMapping.map("i", "s", Map.of("groups", "a b,c"), names).roles()).containsExactly("a", "b", "c");
        assertThat(ClaimMapping.map("i", "s", Map.of("mail", "b@example.com"), names).emailVerified()).isFalse();
        assertThat(ClaimMapping.map("i", "s", Map.of("verified", "false"), names).emailVerified()).isFalse();
        assertThat(ClaimMapping.map("i", "s", Map.of("verified", "true"), names).emailVerified()).isTrue();
        assertThat(ClaimMapping.map("i", "s", Map.of(), names).orgId()).isNull();
    }
}

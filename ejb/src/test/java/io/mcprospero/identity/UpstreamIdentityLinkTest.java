package io.mcprospero.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcprospero.authz.PlatformAdmins;
import io.mcprospero.persistence.identity.User;
import io.mcprospero.signup.SignupAllowlist;
import io.mcprospero.testing.ResourceLocalTransactions;
import io.mcprospero.testing.TestDatabase;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An OIDC person is their (issuer, subject): the rules of UserProvisioning on the real schema, H2 and PostgreSQL, with
 * the beans wired by hand as the container wires them.
 */
class UpstreamIdentityLinkTest {

    private static final Clock CLOCK = Clock.systemUTC();
    private static final String ISSUER = "https://idp.example.com";

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anotherSubjectWithTheSameVerifiedEmailIsRefusedAndChangesNothing(TestDatabase db) {
        ResourceLocalTransactions tx = open(db);
        UserProvisioning provisioning = provisioning(tx);
        String email = fresh("ada");
        String subject = fresh("sub");
        User ada = provisioning.signedIn(upstream(email, subject, true));

        assertThatThrownBy(() -> provisioning.signedIn(upstream(email, fresh("mallory"), true)))
                .isInstanceOf(IdentityLinkConflict.class).hasMessageContaining("reset_identity_link");

        assertThat(stored(tx, ada.id()).isLinkedTo(ISSUER, subject)).isTrue();
        assertThat(provisioning.signedIn(upstream(email, subject, true)).id()).isEqualTo(ada.id());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aKnownSubjectIsItsAccountEvenWhenItsEmailChangedUpstream(TestDatabase db) {
        ResourceLocalTransactions tx = open(db);
        UserProvisioning provisioning = provisioning(tx);
        String subject = fresh("sub");
        User first = provisioning.signedIn(upstream(fresh("old"), subject, true));

        User again = provisioning.signedIn(upstream(fresh("new"), subject, true));

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.email()).isEqualTo(first.email());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anUnlinkedAccountIsLinkedOnlyThroughAVerifiedEmailAndAResetLinksItAnew(TestDatabase db) {
        ResourceLocalTransactions tx = open(db);
        UserProvisioning provisioning = provisioning(tx);
        String email = fresh("local");
        User local = provisioning.signedIn(SignedInPerson.local(email));

        assertThatThrownBy(() -> provisioning.signedIn(upstream(email, fresh("sub"), false)))
                .isInstanceOf(IdentityLinkConflict.class).hasMessageContaining("not verified");
        String subject = fresh("sub");
        assertThat(provisioning.signedIn(upstream(email, subject, true)).id()).isEqualTo(local.id());
        assertThat(stored(tx, local.id()).isLinkedTo(ISSUER, subject)).isTrue();

        tx.inOne(() -> {
            tx.entityManager().find(User.class, local.id()).resetUpstreamLink();
            return null;
        });
        String recovered = fresh("sub");
        assertThat(provisioning.signedIn(upstream(email, recovered, true)).id()).isEqualTo(local.id());
        assertThat(stored(tx, local.id()).isLinkedTo(ISSUER, recovered)).isTrue();
    }

    private static SignedInPerson upstream(String email, String subject, boolean verified) {
        return new SignedInPerson(email, "Someone", new SignedInPerson.Upstream(ISSUER, subject, verified, null));
    }

    private static String fresh(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private static User stored(ResourceLocalTransactions tx, String id) {
        return tx.inOne(() -> tx.entityManager().find(User.class, id));
    }

    private static ResourceLocalTransactions open(TestDatabase db) {
        if (!db.isAvailable()) {
            throw new IllegalStateException(db + " is not reachable on 127.0.0.1:5432 (trust auth, user postgres); start it");
        }
        return new ResourceLocalTransactions(db.factory());
    }

    private static UserProvisioning provisioning(ResourceLocalTransactions tx) {
        PlatformAdmins admins = new PlatformAdmins(Optional.empty());
        SignupAllowlist open = new SignupAllowlist(tx.entityManager(), admins, CLOCK, true, Optional.empty());
        return new UserProvisioning(tx.entityManager(), tx, open, CLOCK);
    }
}

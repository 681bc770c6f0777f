package io.mcprospero.signup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcprospero.authz.Authorization;
import io.mcprospero.authz.PlatformAdmins;
import io.mcprospero.failure.InvalidInput;
import io.mcprospero.failure.NotFound;
import io.mcprospero.org.Invitations;
import io.mcprospero.org.PendingInvitation;
import io.mcprospero.persistence.identity.User;
import io.mcprospero.persistence.org.Invitation;
import io.mcprospero.persistence.org.Membership;
import io.mcprospero.persistence.org.Org;
import io.mcprospero.persistence.org.Role;
import io.mcprospero.testing.ResourceLocalTransactions;
import io.mcprospero.testing.TestDatabase;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Who SignupAllowlist admits, and invitations becoming memberships at sign-in, on the real schema (V4) on H2
 * and on PostgreSQL, with the beans wired by hand as the container wires them.
 */
class SignupAllowlistAdmitsTest {

    private static final Clock CLOCK = Clock.systemUTC();
    private TestDatabase database;

    @AfterEach
    void clear() {
        database.clear("invitations", "signup_allowlist");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void closedByDefaultOpenedByConfigurationAdminsAndEntries(TestDatabase db) {
        ResourceLocalTransactions tx = open(db);
        SignupAllowlist closed = allowlist(tx, false, null);
        SignupAllowlist configured = allowlist(tx, false, "ana@conf.example, @team.example, not-an-entry");

        assertThat(admits(tx, closed, "someone@anywhere.example")).isFalse();
        assertThat(admits(tx, allowlist(tx, true, null), "someone@anywhere.example")).as("signup.open").isTrue();
        assertThat(admits(tx, closed, "boss@admins.example")).as("a platform admin").isTrue();
        assertThat(admits(tx, configured, "ana@conf.example")).isTrue();
        assertThat(admits(tx, configured, "bob@conf.example")).isFalse();
        assertThat(admits(tx, configured, "bob@team.example")).isTrue();
        assertThat(admits(tx, configured, "bob@eu.team.example")).isFalse();

        assertThat(tx.inOne(() -> closed.add("@Stored.example", "boss@admins.example")).changed()).isTrue();
        assertThat(tx.inOne(() -> closed.add("@stored.example", "boss@admins.example")).changed()).isFalse();
        assertThat(admits(tx, closed, "cy@stored.example")).isTrue();
        assertThat(tx.inOne(configured::entries)).extracting(e -> e.entry() + " " + e.source().wireName())
                .containsExactly("ana@conf.example configuration", "@team.example configuration", "@stored.example admin");

        tx.inOne(() -> closed.remove("@stored.example"));
        assertThat(admits(tx, closed, "cy@stored.example")).isFalse();
        assertThatThrownBy(() -> tx.inOne(() -> configured.remove("@team.example"))).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("mcprospero.signup.allowlist");
        assertThatThrownBy(() -> tx.inOne(() -> closed.add("team.example", "boss@admins.example"))).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("@example.com");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anInvitationAdmitsItsEmailAndWaitsUntilItsPersonAcceptsIt(TestDatabase db) {
        ResourceLocalTransactions tx = open(db);
        SignupAllowlist closed = allowlist(tx, false, null);
        Invitations invitations = new Invitations(tx.entityManager(), new Authorization(tx.entityManager(), admins()), CLOCK);
        String invitee = "invitee-" + UUID.randomUUID() + "@example.com";
        Org org = tx.inOne(() -> {
            EntityManager em = tx.entityManager();
            User owner = User.register("owner-" + UUID.randomUUID() + "@example.com", null, CLOCK.instant());
            Org team = Org.named("Team", CLOCK.instant());
            em.persist(owner);
            em.persist(team);
            em.persist(new Membership(team, owner, Role.OWNER, CLOCK.instant()));
            em.persist(new Invitation(team, invitee, Role.ADMIN, owner, CLOCK.instant()));
            return team;
        });
        assertThat(admits(tx, closed, invitee)).isTrue();

        String userId = tx.inOne(() -> {
            User user = User.register(invitee, null, CLOCK.instant());
            tx.entityManager().persist(user);
            return user.id();
        });
        assertThat(tx.inOne(() -> tx.entityManager().createNamedQuery(Membership.OF_USER, Membership.class)
                .setParameter("userId", userId).getResultList())).as("signing up joins nothing by itself").isEmpty();
        assertThat(tx.inOne(() -> invitations.waitingFor(userId))).extracting(PendingInvitation::orgId).containsExactly(org.id());

        tx.inOne(() -> invitations.accept(userId, org.id()));

        List<Membership> memberships = tx.inOne(() -> tx.entityManager().createNamedQuery(Membership.OF_USER, Membership.class)
                .setParameter("userId", userId).getResultList());
        assertThat(memberships).extracting(m -> m.org().id() + "/" + m.role()).containsExactly(org.id() + "/ADMIN");
        assertThat(admits(tx, closed, invitee)).as("the invitation is used up").isFalse();
        assertThatThrownBy(() -> tx.inOne(() -> invitations.accept(userId, org.id()))).as("accepting again finds nothing")
                .isInstanceOf(NotFound.class).hasMessageContaining("list_invitations");
        assertThat(tx.inOne(() -> tx.entityManager().createNamedQuery(Membership.OF_USER, Membership.class)
                .setParameter("userId", userId).getResultList())).hasSize(1);
    }

    private ResourceLocalTransactions open(TestDatabase db) {
        if (!db.isAvailable()) {
            throw new IllegalStateException(db + " is not reachable on 127.0.0.1:5432 (trust auth, user postgres); start it");
        }
        database = db;
        return new ResourceLocalTransactions(db.factory());
    }

    private static SignupAllowlist allowlist(ResourceLocalTransactions tx, boolean open, String configured) {
        return new SignupAllowlist(tx.entityManager(), admins(), CLOCK, open, Optional.ofNullable(configured));
    }

    private static PlatformAdmins admins() {
        return new PlatformAdmins(Optional.of("Boss@Admins.example"));
    }

    private static boolean admits(ResourceLocalTransactions tx, SignupAllowlist allowlist, String email) {
        return tx.inOne(() -> allowlist.admits(email));
    }
}

package io.mcprospero.persistence.identity;

import io.mcprospero.persistence.support.Ids;
import io.mcprospero.persistence.support.Require;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A person's consent that an OAuth client may act for them; asked once per user and client. */
@Entity
@Table(name = "consents")
@NamedQuery(name = Consent.OF_USER_FOR_CLIENT,
        query = "select c from Consent c where c.userId = :userId and c.clientId = :clientId")
public class Consent {

    public static final String OF_USER_FOR_CLIENT = "Consent.ofUserForClient";

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "user_id", nullable = false, length = 36)
    private String userId;

    @Column(name = "client_id", nullable = false, length = 2048)
    private String clientId;

    @Column(length = 1024)
    private String scope;

    @Column(name = "granted_at", nullable = false)
    private Instant grantedAt;

    @Version
    private long version;

    protected Consent() {
    }

    public Consent(String userId, String clientId, String scope, Instant now) {
        this.id = Ids.newId();
        this.userId = Require.text(userId, "user id", 36);
        this.clientId = Require.text(clientId, "client_id", 2048);
        this.scope = scope;
        this.grantedAt = Require.present(now, "grant time");
    }

    public String clientId() {
        return clientId;
    }

    public Instant grantedAt() {
        return grantedAt;
    }
}

package io.mcprospero.bench.floor;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The floor's one entity: a UUID id (no IDENTITY), a text and an instant, read by one named query. */
@Entity
@Table(name = "notes")
@NamedQuery(name = Note.LATEST, query = "select n from Note n where n.created <= :now order by n.created desc")
public class Note {

    public static final String LATEST = "Note.latest";

    @Id
    private String id;
    private String text;
    private OffsetDateTime created;

    protected Note() {
    }

    public Note(String text, OffsetDateTime created) {
        this.id = UUID.randomUUID().toString();
        this.text = text;
        this.created = created;
    }

    public String text() {
        return text;
    }
}

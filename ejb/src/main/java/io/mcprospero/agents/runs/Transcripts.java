package io.mcprospero.agents.runs;

import io.mcprospero.persistence.secrets.SecretKind;
import io.mcprospero.secrets.SecretsBackend;
import io.mcprospero.support.Jsons;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Runs' transcripts, sealed as secrets of the run's org (kind RUN_TRANSCRIPT): envelope-encrypted, org-bound, rotated with the rest. */
@ApplicationScoped
public class Transcripts {

    private SecretsBackend secrets;

    protected Transcripts() {
        // for the CDI proxy
    }

    @Inject
    public Transcripts(SecretsBackend secrets) {
        this.secrets = secrets;
    }

    static String secretName(String runId) {
        return "run-transcript/" + runId;
    }

    public void save(String orgId, String runId, Transcript transcript) {
        secrets.put(orgId, secretName(runId), SecretKind.RUN_TRANSCRIPT, transcript.toJson().toString().getBytes(StandardCharsets.UTF_8));
    }

    public Optional<Transcript> of(String orgId, String runId) {
        return secrets.get(orgId, secretName(runId))
                .map(bytes -> Transcript.fromJson(Jsons.reader(new StringReader(new String(bytes, StandardCharsets.UTF_8))).readObject()));
    }

    public void delete(String orgId, String runId) {
        secrets.delete(orgId, secretName(runId));
    }
}

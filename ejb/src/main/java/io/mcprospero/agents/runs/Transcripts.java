package io.mcprospero.agents.runs;

import io.mcprospero.persistence.secrets.SecretKind;
import io.mcprospero.secrets.SecretsBackend;
import io.mcprospero.storage.ArtifactUnreadable;
import io.mcprospero.storage.SealedArtifact;
import io.mcprospero.storage.SealedArtifacts;
import io.mcprospero.support.Jsons;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs' transcripts, sealed as secrets of the run's org (kind RUN_TRANSCRIPT): envelope-encrypted, org-bound, rotated
 * with the rest. One larger than the threshold goes to the artifact store, sealed ({@link SealedArtifacts}); its secret
 * then holds where it lies and the key that opens it, so reading it back is the same call.
 */
@ApplicationScoped
public class Transcripts {

    private SecretsBackend secrets;
    private SealedArtifacts artifacts;
    private int threshold;

    protected Transcripts() {
        // for the CDI proxy
    }

    @Inject
    public Transcripts(SecretsBackend secrets, SealedArtifacts artifacts,
                       @ConfigProperty(name = "mcprospero.artifacts.transcript-threshold-bytes") int threshold) {
        this.secrets = secrets;
        this.artifacts = artifacts;
        // a secret holds at most MAX_VALUE_BYTES: anything larger must go to the store whatever the setting says
        this.threshold = Math.min(threshold, SecretsBackend.MAX_VALUE_BYTES);
    }

    static String secretName(String runId) {
        return "run-transcript/" + runId;
    }

    static String artifactKey(String orgId, String runId) {
        return "transcripts/" + orgId + "/" + runId;
    }

    public void save(String orgId, String runId, Transcript transcript) {
        byte[] json = transcript.toJson().toString().getBytes(StandardCharsets.UTF_8);
        if (json.length <= threshold) {
            secrets.put(orgId, secretName(runId), SecretKind.RUN_TRANSCRIPT, json);
            return;
        }
        // the same content key for every rewrite of a run's artifact: whichever of artifact and secret is written last,
        // the secret's key opens what the store holds
        byte[] contentKey = stored(orgId, runId).map(Transcripts::artifactOf).map(SealedArtifact::contentKey).orElse(null);
        SealedArtifact artifact = artifacts.put(orgId, artifactKey(orgId, runId), contentKey, json);
        JsonObject pointer = Jsons.object()
                .add("artifact", artifact.key())
                .add("content_key", Base64.getEncoder().encodeToString(artifact.contentKey()))
                .add("bytes", json.length)
                .build();
        secrets.put(orgId, secretName(runId), SecretKind.RUN_TRANSCRIPT, pointer.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The run's transcript, wherever it is kept; throws {@link ArtifactUnreadable} when its artifact cannot be read. */
    public Optional<Transcript> of(String orgId, String runId) {
        return stored(orgId, runId).map(json -> {
            SealedArtifact artifact = artifactOf(json);
            if (artifact == null) {
                return Transcript.fromJson(json);
            }
            try {
                return Transcript.fromJson(parse(artifacts.open(orgId, artifact)));
            } catch (ArtifactUnreadable unreadable) {
                throw new ArtifactUnreadable("The transcript of run " + runId + " is kept in the artifact store and cannot be read: "
                        + unreadable.getMessage() + ".");
            }
        });
    }

    public void delete(String orgId, String runId) {
        stored(orgId, runId).map(Transcripts::artifactOf).ifPresent(artifact -> artifacts.delete(artifact.key()));
        secrets.delete(orgId, secretName(runId));
    }

    private Optional<JsonObject> stored(String orgId, String runId) {
        return secrets.get(orgId, secretName(runId)).map(Transcripts::parse);
    }

    /** The artifact a stored value points to, or null when the value is the transcript itself. */
    private static SealedArtifact artifactOf(JsonObject stored) {
        return stored.containsKey("artifact")
                ? new SealedArtifact(stored.getString("artifact"), Base64.getDecoder().decode(stored.getString("content_key"))) : null;
    }

    private static JsonObject parse(byte[] bytes) {
        return Jsons.reader(new StringReader(new String(bytes, StandardCharsets.UTF_8))).readObject();
    }
}

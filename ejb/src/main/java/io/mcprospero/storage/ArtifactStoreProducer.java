package io.mcprospero.storage;

import io.mcprospero.artifacts.ArtifactStore;
import io.mcprospero.artifacts.FileArtifacts;
import io.mcprospero.artifacts.S3Sdk;
import io.mcprospero.libraries.ProviderLibraries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Chooses the {@link ArtifactStore} adapter by {@code mcprospero.artifacts.mode}: {@code file} or {@code s3}. */
@ApplicationScoped
public class ArtifactStoreProducer {

    private static final Logger LOG = Logger.getLogger(ArtifactStoreProducer.class.getName());

    @Produces
    @ApplicationScoped
    ArtifactStore artifactStore(@ConfigProperty(name = "mcprospero.artifacts.mode") String mode,
                                @ConfigProperty(name = "mcprospero.data-dir") String dataDir,
                                @ConfigProperty(name = "mcprospero.artifacts.directory") Optional<String> directory,
                                @ConfigProperty(name = "mcprospero.artifacts.bucket") Optional<String> bucket,
                                @ConfigProperty(name = "mcprospero.artifacts.region") Optional<String> region,
                                @ConfigProperty(name = "mcprospero.artifacts.endpoint") Optional<String> endpoint,
                                @ConfigProperty(name = "mcprospero.artifacts.path-style") boolean pathStyle) {
        ArtifactStore store = switch (mode.strip()) {
            case "file" -> new FileArtifacts(directory.filter(value -> !value.isBlank()).map(Path::of)
                    .orElseGet(() -> Path.of(dataDir).resolve("artifacts")));
            case "s3" -> ProviderLibraries.load(S3Sdk.class).connect(bucket.filter(value -> !value.isBlank()).orElseThrow(() -> new IllegalStateException(
                            "mcprospero.artifacts.mode=s3 needs mcprospero.artifacts.bucket: the S3 bucket that keeps large run transcripts")),
                    region.filter(value -> !value.isBlank()), endpoint.filter(value -> !value.isBlank()), pathStyle);
            default -> throw new IllegalStateException("mcprospero.artifacts.mode must be 'file' or 's3'; got '" + mode + "'");
        };
        LOG.info(() -> "artifact store: " + store.describe() + endpoint.filter(url -> !url.isBlank()).map(url -> " at " + url).orElse(""));
        return store;
    }

    void close(@Disposes ArtifactStore store) {
        store.close();
    }
}

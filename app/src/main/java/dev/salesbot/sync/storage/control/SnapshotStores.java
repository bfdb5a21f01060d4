package dev.salesbot.sync.storage.control;

import static java.lang.System.Logger.Level.INFO;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;

/**
 * Chooses the application's one {@link SnapshotStore}: the Spaces bucket when
 * {@code SPACES_BUCKET} is set, otherwise the same layout under {@code DATA_DIR}.
 */
@ApplicationScoped
public class SnapshotStores {

    private static final System.Logger LOGGER = System.getLogger(SnapshotStores.class.getName());
    public static final String DATA_DIR = "DATA_DIR";
    public static final String DEFAULT_DATA_DIR = "./data";

    private Config config;

    protected SnapshotStores() {
        // for the CDI proxy
    }

    @Inject
    public SnapshotStores(Config config) {
        this.config = config;
    }

    @Produces
    @ApplicationScoped
    SnapshotStore snapshotStore() {
        return select(name -> config.getOptionalValue(name, String.class));
    }

    /** Closes the one S3 client; @PreDestroy is not called on instances a producer made. */
    void close(@Disposes SnapshotStore store) {
        if (store instanceof SpacesRepository spaces) {
            spaces.close();
        }
    }

    /**
     * The selection itself, without CDI: {@code settings} looks a name up (MicroProfile Config in
     * the server, a map in tests).
     *
     * @throws IllegalStateException naming the variable, when a bucket is set without its keys
     */
    public static SnapshotStore select(Function<String, Optional<String>> settings) {
        var bucket = settings.apply(SpacesConfig.BUCKET).filter(b -> !b.isBlank());
        if (bucket.isPresent()) {
            return new SpacesRepository(SpacesConfig.from(settings));
        }
        var dataDir = settings.apply(DATA_DIR).filter(d -> !d.isBlank()).orElse(DEFAULT_DATA_DIR);
        var store = new LocalDirectoryStore(Path.of(dataDir));
        LOGGER.log(INFO, "No {0}: snapshots go to the local directory {1}", SpacesConfig.BUCKET, store.root());
        return store;
    }
}

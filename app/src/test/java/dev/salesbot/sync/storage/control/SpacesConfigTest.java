package dev.salesbot.sync.storage.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class SpacesConfigTest {

    private static final String ACCESS_KEY = "DO00EXAMPLEACCESSKEY";
    private static final String SECRET_KEY = "example-secret-that-must-never-be-shown";

    private static Function<String, Optional<String>> settings(Map<String, String> values) {
        return name -> Optional.ofNullable(values.get(name));
    }

    private static Map<String, String> bucketWithKeys() {
        var values = new HashMap<String, String>();
        values.put("SPACES_BUCKET", "acme-salesbot");
        values.put("SPACES_ACCESS_KEY", ACCESS_KEY);
        values.put("SPACES_SECRET_KEY", SECRET_KEY);
        return values;
    }

    @Test
    void defaultsToNyc3OnDigitalOceanWithVirtualHostedBuckets() {
        var config = SpacesConfig.from(settings(bucketWithKeys()));

        assertThat(config.region()).isEqualTo("nyc3");
        assertThat(config.endpoint()).isEqualTo(URI.create("https://nyc3.digitaloceanspaces.com"));
        assertThat(config.pathStyle()).isFalse();
    }

    @Test
    void putsTheRegionIntoTheDefaultEndpoint() {
        var values = bucketWithKeys();
        values.put("SPACES_REGION", "fra1");

        assertThat(SpacesConfig.from(settings(values)).endpoint())
                .isEqualTo(URI.create("https://fra1.digitaloceanspaces.com"));
    }

    @Test
    void usesPathStyleWithAnExplicitEndpointAndSubstitutesItsRegion() {
        var values = bucketWithKeys();
        values.put("SPACES_REGION", "ams3");
        values.put("SPACES_ENDPOINT", "http://127.0.0.1:9000/{region}");

        var config = SpacesConfig.from(settings(values));

        assertThat(config.endpoint()).isEqualTo(URI.create("http://127.0.0.1:9000/ams3"));
        assertThat(config.pathStyle()).isTrue();
    }

    @Test
    void namesAMissingSecretKey() {
        var values = bucketWithKeys();
        values.remove("SPACES_SECRET_KEY");

        assertThatIllegalStateException().isThrownBy(() -> SpacesConfig.from(settings(values)))
                .withMessageContaining("SPACES_SECRET_KEY");
    }

    @Test
    void namesABlankAccessKey() {
        var values = bucketWithKeys();
        values.put("SPACES_ACCESS_KEY", "  ");

        assertThatIllegalStateException().isThrownBy(() -> SpacesConfig.from(settings(values)))
                .withMessageContaining("SPACES_ACCESS_KEY");
    }

    @Test
    void refusesAnEndpointThatIsNotAnHttpUrl() {
        var values = bucketWithKeys();
        values.put("SPACES_ENDPOINT", "file:///etc");

        assertThatIllegalStateException().isThrownBy(() -> SpacesConfig.from(settings(values)))
                .withMessageContaining("SPACES_ENDPOINT");
    }

    @Test
    void refusesARegionThatCouldChangeTheHost() {
        var values = bucketWithKeys();
        values.put("SPACES_REGION", "evil.example.com/");

        assertThatIllegalStateException().isThrownBy(() -> SpacesConfig.from(settings(values)))
                .withMessageContaining("SPACES_REGION");
    }

    @Test
    void neverShowsTheKeysWhenPrinted() {
        assertThat(SpacesConfig.from(settings(bucketWithKeys())).toString())
                .contains("acme-salesbot")
                .doesNotContain(SECRET_KEY)
                .doesNotContain(ACCESS_KEY);
    }
}

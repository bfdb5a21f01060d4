package dev.salesbot.sync.storage.control;

import java.net.URI;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * How to reach the Spaces bucket. Built from the environment names of the tutorial's
 * {@code .env}; a missing or malformed value fails here, naming the variable.
 *
 * @param pathStyle {@code bucket} in the path instead of the host name: needed by S3-compatible
 *                  servers other than Spaces itself (S3Proxy, MinIO), so it follows an explicit
 *                  {@code SPACES_ENDPOINT}
 */
public record SpacesConfig(String bucket, String region, URI endpoint, boolean pathStyle,
                           String accessKey, String secretKey) {

    public static final String BUCKET = "SPACES_BUCKET";
    public static final String REGION = "SPACES_REGION";
    public static final String ENDPOINT = "SPACES_ENDPOINT";
    public static final String ACCESS_KEY = "SPACES_ACCESS_KEY";
    public static final String SECRET_KEY = "SPACES_SECRET_KEY";
    public static final String DEFAULT_REGION = "nyc3";
    public static final String DEFAULT_ENDPOINT = "https://{region}.digitaloceanspaces.com";

    // Spaces and S3 bucket naming rules; the region also becomes part of a host name.
    private static final Pattern BUCKET_NAME = Pattern.compile("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$");
    private static final Pattern REGION_NAME = Pattern.compile("^[a-z0-9][a-z0-9-]{0,30}$");

    public SpacesConfig {
        require(BUCKET, bucket);
        require(REGION, region);
        require(ACCESS_KEY, accessKey);
        require(SECRET_KEY, secretKey);
        if (endpoint == null) {
            throw new IllegalStateException(ENDPOINT + " is missing");
        }
        if (!BUCKET_NAME.matcher(bucket).matches()) {
            throw new IllegalStateException(BUCKET + " is not a valid bucket name: " + bucket);
        }
        if (!REGION_NAME.matcher(region).matches()) {
            throw new IllegalStateException(REGION + " is not a valid region name: " + region);
        }
    }

    /**
     * Reads the settings through {@code settings} (MicroProfile Config in the server, a map in
     * tests). Blank counts as missing, as MicroProfile Config treats an empty value.
     */
    public static SpacesConfig from(Function<String, Optional<String>> settings) {
        var bucket = value(settings, BUCKET).orElseThrow(() -> missing(BUCKET, "it selects the Spaces store"));
        var region = value(settings, REGION).orElse(DEFAULT_REGION);
        var explicitEndpoint = value(settings, ENDPOINT);
        var endpoint = endpoint(explicitEndpoint.orElse(DEFAULT_ENDPOINT), region);
        var accessKey = value(settings, ACCESS_KEY).orElseThrow(() -> missing(ACCESS_KEY, BUCKET + " is set"));
        var secretKey = value(settings, SECRET_KEY).orElseThrow(() -> missing(SECRET_KEY, BUCKET + " is set"));
        return new SpacesConfig(bucket, region, endpoint, explicitEndpoint.isPresent(), accessKey, secretKey);
    }

    /** Never shows the keys: this record ends up in log lines and exception messages. */
    @Override
    public String toString() {
        return "SpacesConfig[bucket=" + bucket + ", region=" + region + ", endpoint=" + endpoint
                + ", pathStyle=" + pathStyle + "]";
    }

    private static URI endpoint(String template, String region) {
        try {
            var uri = URI.create(template.replace("{region}", region));
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalStateException(ENDPOINT + " must be an http(s) URL with a host: " + template);
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(ENDPOINT + " is not a valid URL: " + template, e);
        }
    }

    private static Optional<String> value(Function<String, Optional<String>> settings, String name) {
        return settings.apply(name).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static IllegalStateException missing(String name, String why) {
        return new IllegalStateException(name + " is not set; it is required because " + why);
    }

    private static void require(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is missing");
        }
    }
}

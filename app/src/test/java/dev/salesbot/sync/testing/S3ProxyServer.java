package dev.salesbot.sync.testing;

import org.gaul.s3proxy.blobstore.BlobStore;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * An in-memory S3Proxy on 127.0.0.1 with AWS signature checks and one bucket: a stand-in for a
 * Spaces bucket. Closing it stops the server.
 *
 * <p>Both {@link AutoCloseable} (what JUnit 5.13+ closes in a store) and the deprecated
 * {@link ExtensionContext.Store.CloseableResource} (what older JUnit closes); JUnit calls one.
 */
@SuppressWarnings("deprecation")
public final class S3ProxyServer implements AutoCloseable, ExtensionContext.Store.CloseableResource {

    public static final String REGION = "nyc3";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final S3Proxy proxy;
    private final URI endpoint;
    private final String accessKey;
    private final String secretKey;
    private final String bucket;
    private volatile boolean stopped;

    private final Map<String, AtomicInteger> puts;

    private S3ProxyServer(S3Proxy proxy, String accessKey, String secretKey, String bucket, Map<String, AtomicInteger> puts) {
        this.puts = puts;
        this.proxy = proxy;
        this.endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.bucket = bucket;
    }

    /** Starts a server on a free loopback port and creates {@code bucket} through the SDK. */
    public static S3ProxyServer start(String bucket, String accessKey, String secretKey) {
        return start(bucket, accessKey, secretKey, 0);
    }

    /** Starts a server on {@code port} (0: any free one) of 127.0.0.1, counting the PUTs it stores. */
    public static S3ProxyServer start(String bucket, String accessKey, String secretKey, int port) {
        Map<String, AtomicInteger> puts = new ConcurrentHashMap<>();
        var proxy = S3Proxy.builder()
                .blobStore(countingPuts(BlobStores.create("transient", new Properties()), puts))
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
                .build();
        try {
            proxy.start();
            awaitStarted(proxy);
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy did not start", e);
        }
        var server = new S3ProxyServer(proxy, accessKey, secretKey, bucket, puts);
        try (var s3 = server.newClient()) {
            s3.createBucket(b -> b.bucket(bucket));
        }
        return server;
    }

    private static void awaitStarted(S3Proxy proxy) throws InterruptedException {
        var deadline = Instant.now().plus(START_TIMEOUT);
        while (!"STARTED".equals(proxy.getState())) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("S3Proxy still " + proxy.getState() + " after " + START_TIMEOUT);
            }
            Thread.sleep(10);
        }
    }

    /** How many objects were stored under {@code key} (every PUT the server accepted). */
    public int putsOf(String key) {
        AtomicInteger n = puts.get(key);
        return n == null ? 0 : n.get();
    }

    /** "HEAD key" or "GET key" for an object read, null for anything else. */
    private static String readOf(String method, Object[] args) {
        if (args == null || args.length == 0) {
            return null;
        }
        String verb = method.startsWith("blobMetadata") ? "HEAD " : method.equals("getBlob") ? "GET " : null;
        if (verb == null) {
            return null;
        }
        if (args[0] instanceof software.amazon.awssdk.services.s3.model.HeadObjectRequest head) {
            return verb + head.key();
        }
        if (args[0] instanceof software.amazon.awssdk.services.s3.model.GetObjectRequest get) {
            return verb + get.key();
        }
        return args.length >= 2 && args[1] instanceof String key ? verb + key : null;
    }

    /** Requests answered since the start (or {@link #resetCounts()}), by verb: {@code PUT}, {@code HEAD}, {@code GET}. */
    public Map<String, Long> totals() {
        Map<String, Long> totals = new java.util.TreeMap<>(Map.of("PUT", 0L, "HEAD", 0L, "GET", 0L));
        puts.forEach((key, n) -> totals.merge(key.startsWith("HEAD ") ? "HEAD" : key.startsWith("GET ") ? "GET" : "PUT",
                (long) n.get(), Long::sum));
        return totals;
    }

    /** Forgets every count (a benchmark's cycle starts from zero). */
    public void resetCounts() {
        puts.clear();
    }

    /** How many HEAD requests the server answered for {@code key}. */
    public int headsOf(String key) {
        return putsOf("HEAD " + key);
    }

    /** How many GET requests the server answered for {@code key}. */
    public int getsOf(String key) {
        return putsOf("GET " + key);
    }

    private static BlobStore countingPuts(BlobStore store, Map<String, AtomicInteger> puts) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("putBlob") && args != null && args.length >= 1 && args[0] instanceof PutObjectRequest put) {
                puts.computeIfAbsent(put.key(), k -> new AtomicInteger()).incrementAndGet();
            }
            String read = readOf(method.getName(), args);
            if (read != null) {
                puts.computeIfAbsent(read, k -> new AtomicInteger()).incrementAndGet();
            }
            try {
                return method.invoke(store, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (BlobStore) Proxy.newProxyInstance(BlobStore.class.getClassLoader(), new Class<?>[]{BlobStore.class}, handler);
    }

    public URI endpoint() {
        return endpoint;
    }

    public int port() {
        return endpoint.getPort();
    }

    public String accessKey() {
        return accessKey;
    }

    public String secretKey() {
        return secretKey;
    }

    public String bucket() {
        return bucket;
    }

    public String region() {
        return REGION;
    }

    /** The application's settings for this server, e.g. to pass to a container as -D options. */
    public Map<String, String> spacesSettings() {
        return Map.of(
                "SPACES_ENDPOINT", endpoint.toString(),
                "SPACES_REGION", REGION,
                "SPACES_BUCKET", bucket,
                "SPACES_ACCESS_KEY", accessKey,
                "SPACES_SECRET_KEY", secretKey);
    }

    /** A client of its own for a test to look behind the application's back; close it. */
    /** The object's text (UTF-8), or empty when the bucket has no such key. */
    public Optional<String> text(String key) {
        try (S3Client s3 = newClient()) {
            return Optional.of(new String(s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray(), StandardCharsets.UTF_8));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    public S3Client newClient() {
        return S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(REGION))
                .endpointOverride(endpoint)
                .forcePathStyle(true)
                // As the product's client: no aws-chunked streaming over plain HTTP (see SpacesRepository).
                .serviceConfiguration(software.amazon.awssdk.services.s3.S3Configuration.builder().chunkedEncodingEnabled(false).build())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
    }

    @Override
    public synchronized void close() throws Exception {
        if (!stopped) {
            stopped = true;
            proxy.stop();
        }
    }

    @Override
    public String toString() {
        return "S3Proxy at " + endpoint + ", bucket " + bucket;
    }
}

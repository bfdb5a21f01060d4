package dev.salesbot.sync.storage.control;

import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * Counts the object requests actually sent (retries included), so tests and metrics can tell
 * that an unchanged snapshot cost one HEAD and no PUT, and that the write path never downloads.
 */
public class S3RequestCounter implements ExecutionInterceptor {

    /** The counts at one moment. */
    public record Counts(long heads, long puts, long gets) {
    }

    private final AtomicLong heads = new AtomicLong();
    private final AtomicLong puts = new AtomicLong();
    private final AtomicLong gets = new AtomicLong();

    // beforeTransmission runs once per HTTP attempt, so a retried PUT counts twice, as it costs.
    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        var request = context.request();
        if (request instanceof HeadObjectRequest) {
            heads.incrementAndGet();
        } else if (request instanceof PutObjectRequest || request instanceof software.amazon.awssdk.services.s3.model.UploadPartRequest) {
            // Each part of a multipart upload is a PUT of its own.
            puts.incrementAndGet();
        } else if (request instanceof GetObjectRequest) {
            gets.incrementAndGet();
        }
    }

    public Counts counts() {
        return new Counts(heads.get(), puts.get(), gets.get());
    }
}

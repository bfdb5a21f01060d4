package dev.salesbot.sync.webhooks.boundary;

import dev.salesbot.sync.json.Jsonp;
import dev.salesbot.sync.monitoring.control.Meters;
import dev.salesbot.sync.problems.control.Refusal;
import dev.salesbot.sync.webhooks.control.Receipt;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * A webhook endpoint's answer, given once its delivery is recorded: the request was suspended
 * ({@link AsyncResponse}), so no HTTP thread waits for the batch. 200 with the receipt
 * ({@code {"status": "recorded"}} …) when it is recorded; a refusal otherwise, resumed as a thrown
 * one is — mapped to its problem answer ({@code RefusalMapper}: 400, 401, 413, or 503 with
 * {@code Retry-After} when the intake could not record it in time). Counted as received, as rejected
 * (bad input), or neither (an overloaded intake counts its own refusals).
 */
public final class WebhookAnswers {

    private WebhookAnswers() {
    }

    /** Resumes {@code response} once {@code receipt} completes. */
    public static void resumeWhenRecorded(AsyncResponse response, CompletionStage<Receipt> receipt, String platform, Meters meters) {
        receipt.whenComplete((recorded, failure) -> {
            if (failure == null) {
                meters.webhookReceived(platform, recorded.name());
                response.resume(Response.ok(Jsonp.createObjectBuilder().add("status", recorded.name().toLowerCase(Locale.ROOT)).build()
                        .toString(), MediaType.APPLICATION_JSON_TYPE).build());
            } else {
                refused(response, failure instanceof CompletionException c && c.getCause() != null ? c.getCause() : failure, platform, meters);
            }
        });
    }

    /** Resumes {@code response} with a refusal (or another failure, which becomes a 500). */
    public static void refused(AsyncResponse response, Throwable failure, String platform, Meters meters) {
        if (!(failure instanceof Refusal refusal && refusal.kind() == Refusal.Kind.OVERLOADED)) {
            meters.webhookRejected(platform);
        }
        response.resume(failure);
    }
}

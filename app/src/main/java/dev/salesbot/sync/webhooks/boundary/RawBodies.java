package dev.salesbot.sync.webhooks.boundary;

import dev.salesbot.sync.problems.control.Refusal;

import java.io.IOException;
import java.io.InputStream;

/**
 * A webhook's body as the exact bytes that were signed, read with a cap: a declared length above
 * {@code WEBHOOK_MAX_BYTES} is refused without reading a byte, a stream that runs past it after
 * reading one byte more. Signatures are checked on these bytes before anything parses them.
 */
public final class RawBodies {

    public static final int DEFAULT_MAX_BYTES = 1024 * 1024;

    private RawBodies() {
    }

    public static byte[] read(InputStream body, String contentLength, int maxBytes) {
        if (contentLength != null && declared(contentLength) > maxBytes) {
            throw tooLarge(maxBytes);
        }
        try {
            byte[] bytes = body == null ? new byte[0] : body.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw tooLarge(maxBytes);
            }
            return bytes;
        } catch (IOException e) {
            throw Refusal.badInput("unreadable-body", "The request body could not be read.");
        }
    }

    private static long declared(String contentLength) {
        try {
            return Long.parseLong(contentLength.trim());
        } catch (NumberFormatException e) {
            throw Refusal.badInput("invalid-content-length", "The Content-Length header is not a number.");
        }
    }

    private static Refusal tooLarge(int maxBytes) {
        return Refusal.tooLarge("payload-too-large",
                "A webhook body may be at most " + maxBytes + " bytes (WEBHOOK_MAX_BYTES).");
    }
}

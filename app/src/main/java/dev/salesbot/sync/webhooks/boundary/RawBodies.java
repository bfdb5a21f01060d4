package dev.salesbot.sync.webhooks.boundary;

import dev.salesbot.sync.problems.control.Refusal;

import java.io.IOException;
import java.io.InputStream;

/**
 * A webhook's body as the exact bytes that were signed, read with a cap: a declared length above
 * {@code WEBHOOK_MAX_BYTES} is refused without reading a byte; a declared body is read to its
 * declared length exactly (never waiting for more); a body of unknown length that runs past the cap
 * is refused after reading one byte more. Signatures are checked on these bytes before anything parses them.
 */
public final class RawBodies {

    public static final int DEFAULT_MAX_BYTES = 1024 * 1024;

    private RawBodies() {
    }

    public static byte[] read(InputStream body, String contentLength, int maxBytes) {
        long declared = contentLength == null ? -1 : declared(contentLength);
        if (declared > maxBytes) {
            throw tooLarge(maxBytes);
        }
        try {
            if (body == null) {
                return new byte[0];
            }
            if (declared >= 0) {
                // Exactly the declared bytes: nothing waits for the end of a stream the framing already ended.
                byte[] bytes = body.readNBytes((int) declared);
                if (bytes.length < declared) {
                    throw Refusal.badInput("incomplete-body", "The request body is shorter than its Content-Length.");
                }
                return bytes;
            }
            byte[] bytes = body.readNBytes(maxBytes + 1);
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
            long value = Long.parseLong(contentLength.trim());
            if (value < 0) {
                throw new NumberFormatException(contentLength);
            }
            return value;
        } catch (NumberFormatException e) {
            throw Refusal.badInput("invalid-content-length", "The Content-Length header is not a number.");
        }
    }

    private static Refusal tooLarge(int maxBytes) {
        return Refusal.tooLarge("payload-too-large",
                "A webhook body may be at most " + maxBytes + " bytes (WEBHOOK_MAX_BYTES).");
    }
}

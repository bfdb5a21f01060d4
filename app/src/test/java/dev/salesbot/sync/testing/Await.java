package dev.salesbot.sync.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting in the ITs for what the server does after its answer: bounded in time, never open-ended. */
public final class Await {

    private Await() {
    }

    /** Polls {@code condition} every 200 ms until it holds or {@code timeout} passes (then fails saying {@code what}). */
    public static void await(BooleanSupplier condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("not within " + timeout.toSeconds() + " s: " + what);
    }
}

package dev.salesbot.sync.webhooks.control;

import dev.salesbot.sync.problems.control.Refusal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Group commit as a platform's intake sees it: batches, failures, backpressure. */
class IntakeTest {

    /** A recorder in memory: what it committed, batch by batch; it fails or holds a batch when told. */
    static final class Recorded implements Intake.Recorder<String> {
        final List<List<String>> batches = new CopyOnWriteArrayList<>();
        final List<String> committed = new CopyOnWriteArrayList<>();
        volatile boolean failBatches;
        volatile boolean failAlone;
        volatile CountDownLatch hold = new CountDownLatch(0);
        final CountDownLatch started = new CountDownLatch(1);

        @Override
        public List<Receipt> recordAll(List<String> batch) {
            started.countDown();
            try {
                hold.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            batches.add(List.copyOf(batch));
            if (batch.size() > 1 ? failBatches : failAlone) {
                throw new IllegalStateException("the database refused the transaction"); // rolled back: nothing committed
            }
            committed.addAll(batch);
            return Collections.nCopies(batch.size(), Receipt.RECORDED);
        }

        @Override
        public boolean seen(String delivery) {
            return committed.contains(delivery);
        }

        @Override
        public String describe(String delivery) {
            return "delivery " + delivery;
        }
    }

    final Recorded recorder = new Recorded();
    /** What makes a committed batch durable; it throws when told. */
    volatile Runnable flush = () -> { };
    final List<String> refusals = new CopyOnWriteArrayList<>();
    final List<Integer> sizes = new CopyOnWriteArrayList<>();
    final ExecutorService senders = Executors.newFixedThreadPool(16);
    Intake<String> intake;

    private Intake<String> intake(int capacity, Duration linger, Duration answerWithin) {
        intake = new Intake<>("test-intake", new Intake.Limits(capacity, 100, linger, answerWithin), recorder, () -> flush.run(), sizes::add,
                refusals::add, Thread::new);
        return intake;
    }

    @AfterEach
    void stop() {
        recorder.hold.countDown();
        senders.shutdownNow();
        if (intake != null) {
            intake.close();
        }
    }

    /** Sends the deliveries at once, each from its own thread, and answers what each got: a receipt or the refusal. */
    private List<Object> sendAtOnce(List<String> deliveries) throws Exception {
        List<Future<Object>> answers = new ArrayList<>();
        for (String delivery : deliveries) {
            answers.add(senders.submit(() -> {
                try {
                    return intake.record(delivery);
                } catch (Refusal e) {
                    return e;
                }
            }));
        }
        List<Object> out = new ArrayList<>();
        for (Future<Object> answer : answers) {
            out.add(answer.get(20, TimeUnit.SECONDS));
        }
        return out;
    }

    private static List<String> deliveries(int n) {
        List<String> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add("d" + i);
        }
        return all;
    }

    @Test
    void deliveriesArrivingTogetherAreCommittedTogetherAndEachAnsweredOnceCommitted() throws Exception {
        intake(1000, Duration.ofMillis(50), Duration.ofSeconds(5));
        recorder.hold = new CountDownLatch(1);
        Future<Receipt> first = senders.submit(() -> intake.record("first"));
        assertThat(recorder.started.await(5, TimeUnit.SECONDS)).isTrue();
        List<Future<Object>> waiting = new ArrayList<>();
        for (String d : deliveries(40)) {
            waiting.add(senders.submit(() -> intake.record(d)));
        }
        Thread.sleep(200); // all 40 wait behind the held commit
        assertThat(first.isDone()).as("answered only once its batch committed").isFalse();
        recorder.hold.countDown();

        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(Receipt.RECORDED);
        for (Future<Object> answer : waiting) {
            assertThat(answer.get(5, TimeUnit.SECONDS)).isEqualTo(Receipt.RECORDED);
        }
        assertThat(recorder.committed).hasSize(41);
        assertThat(recorder.batches).as("the 40 that waited went in far fewer transactions than one each").hasSizeLessThanOrEqualTo(4);
        assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(41);
        assertThat(refusals).isEmpty();
    }

    @Test
    void aBatchCommittedButNotMadeDurableIsAnswered503() throws Exception {
        intake(1000, Duration.ofMillis(50), Duration.ofSeconds(5));
        flush = () -> {
            throw new IllegalStateException("the database could not write its file");
        };

        List<Object> answers = sendAtOnce(deliveries(10));

        assertThat(answers).allSatisfy(a -> assertThat(a).isInstanceOfSatisfying(Refusal.class,
                r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.OVERLOADED)));
        assertThat(refusals).hasSize(10).containsOnly("failed");
        assertThat(recorder.committed).as("committed, never acknowledged: a repeat is a duplicate (WebhookRecorderTest)")
                .containsExactlyInAnyOrderElementsOf(deliveries(10));
    }

    @Test
    void aFailedBatchAnswersEveryMember503AndRecordsNone() throws Exception {
        intake(1000, Duration.ofMillis(100), Duration.ofSeconds(5));
        recorder.failBatches = true;
        recorder.failAlone = true; // the database is down: alone, each fails too

        List<Object> answers = sendAtOnce(deliveries(20));

        assertThat(answers).allSatisfy(a -> assertThat(a).isInstanceOfSatisfying(Refusal.class, r -> {
            assertThat(r.kind()).isEqualTo(Refusal.Kind.OVERLOADED);
            assertThat(r.slug()).isEqualTo(Intake.SLUG);
            assertThat(r.retryAfterSeconds()).isPositive();
        }));
        assertThat(recorder.committed).as("nothing recorded, nothing acknowledged").isEmpty();
        assertThat(refusals).hasSize(20).containsOnly("failed");
    }

    @Test
    void aBatchThatFailsAsAWholeIsRecordedOneByOneSoOneDeliveryCannotHoldBackTheOthers() throws Exception {
        intake(1000, Duration.ofMillis(100), Duration.ofSeconds(5));
        recorder.failBatches = true; // a twin committed by another server fails the batch on its key

        List<Object> answers = sendAtOnce(deliveries(10));

        assertThat(answers).containsOnly(Receipt.RECORDED);
        assertThat(recorder.committed).containsExactlyInAnyOrderElementsOf(deliveries(10));
    }

    @Test
    void aSlowCommitFillsTheIntakeAndWhatComesThenIsRefusedAtOnce() throws Exception {
        intake(5, Duration.ZERO, Duration.ofSeconds(10));
        recorder.hold = new CountDownLatch(1); // the database takes its time
        Future<Receipt> first = senders.submit(() -> intake.record("first"));
        assertThat(recorder.started.await(5, TimeUnit.SECONDS)).isTrue();
        List<Future<Receipt>> queued = new ArrayList<>();
        for (String d : deliveries(5)) {
            queued.add(senders.submit(() -> intake.record(d)));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (intake.depth() < 5 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(intake.depth()).isEqualTo(5);

        long before = System.nanoTime();
        Refusal full = catchThrowableOfType(Refusal.class, () -> intake.record("one too many"));
        assertThat(Duration.ofNanos(System.nanoTime() - before)).as("refused at once, not after a wait").isLessThan(Duration.ofSeconds(1));
        assertThat(full.kind()).isEqualTo(Refusal.Kind.OVERLOADED);
        assertThat(full.retryAfterSeconds()).isPositive();
        assertThat(refusals).containsExactly("full");

        recorder.hold.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(Receipt.RECORDED);
        for (Future<Receipt> q : queued) {
            assertThat(q.get(5, TimeUnit.SECONDS)).isEqualTo(Receipt.RECORDED);
        }
        assertThat(recorder.committed).doesNotContain("one too many").hasSize(6);
    }

    @Test
    void aDeliveryNotRecordedWithinItsAnswerTimeIsRefusedAndNeverAcknowledged() throws Exception {
        intake(100, Duration.ZERO, Duration.ofMillis(300));
        recorder.hold = new CountDownLatch(1);

        assertThatThrownBy(() -> intake.record("late")).isInstanceOfSatisfying(Refusal.class,
                r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.OVERLOADED)).hasMessageContaining("within 300 ms");
        assertThat(refusals).containsExactly("slow");
        recorder.hold.countDown(); // recorded after all: the platform's retry is then a duplicate, which does nothing
    }

    @Test
    void aClosedIntakeTakesNothing() {
        intake(10, Duration.ZERO, Duration.ofSeconds(1)).close();

        assertThatThrownBy(() -> intake.record("after")).isInstanceOfSatisfying(Refusal.class,
                r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.OVERLOADED));
        assertThat(refusals).containsExactly("stopping");
        assertThat(recorder.committed).isEmpty();
    }
}

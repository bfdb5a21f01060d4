package dev.salesbot.sync.webhooks.boundary;

import dev.salesbot.sync.problems.control.Refusal;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RawBodiesTest {

    static final int MAX = 1024 * 1024;

    @Test
    void readsABodyUpToTheCapExactly() {
        byte[] body = new byte[MAX];
        assertThat(RawBodies.read(new ByteArrayInputStream(body), Integer.toString(MAX), MAX)).hasSize(MAX);
    }

    @Test
    void refusesADeclaredLengthOverTheCapWithoutReadingAByte() {
        AtomicLong read = new AtomicLong();
        InputStream counting = new InputStream() {
            @Override
            public int read() {
                read.incrementAndGet();
                return 0;
            }
        };
        assertThatThrownBy(() -> RawBodies.read(counting, Integer.toString(MAX + 1), MAX))
                .isInstanceOf(Refusal.class)
                .satisfies(e -> assertThat(((Refusal) e).kind()).isEqualTo(Refusal.Kind.TOO_LARGE));
        assertThat(read).hasValue(0);
    }

    @Test
    void refusesAStreamThatRunsPastTheCapWhateverItDeclared() {
        assertThatThrownBy(() -> RawBodies.read(new ByteArrayInputStream(new byte[MAX + 1]), null, MAX))
                .isInstanceOf(Refusal.class)
                .satisfies(e -> assertThat(((Refusal) e).kind()).isEqualTo(Refusal.Kind.TOO_LARGE));
    }

    @Test
    void readsADeclaredBodyWithoutWaitingForTheEndOfTheStream() {
        InputStream neverEnding = new InputStream() {
            private int left = 5;

            @Override
            public int read() {
                if (left-- > 0) {
                    return 'x';
                }
                throw new AssertionError("read past the declared length");
            }
        };
        assertThat(RawBodies.read(neverEnding, "5", MAX)).hasSize(5);
    }

    @Test
    void refusesABodyShorterThanDeclaredAndANegativeLength() {
        assertThatThrownBy(() -> RawBodies.read(new ByteArrayInputStream(new byte[3]), "5", MAX))
                .isInstanceOf(Refusal.class).hasMessageContaining("shorter than its Content-Length");
        assertThatThrownBy(() -> RawBodies.read(new ByteArrayInputStream(new byte[3]), "-1", MAX))
                .isInstanceOf(Refusal.class).hasMessageContaining("not a number");
    }
}

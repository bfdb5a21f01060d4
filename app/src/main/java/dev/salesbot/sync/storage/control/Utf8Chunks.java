package dev.salesbot.sync.storage.control;

import java.util.ArrayList;
import java.util.List;

/**
 * UTF-8 output collected in fixed-size chunks, then copied once into an array of the exact size.
 * A snapshot of 10,000 products is tens of megabytes: a {@code StringBuilder} doubling its buffer,
 * then {@code toString()}, then {@code getBytes()} held up to four copies of it at once; this
 * holds two at most (the chunks and the result) and never copies while growing.
 */
final class Utf8Chunks {

    private static final int CHUNK = 64 * 1024;

    private final List<byte[]> full = new ArrayList<>();
    private byte[] current = new byte[CHUNK];
    private int used;

    void ascii(char c) {
        if (used == CHUNK) {
            full.add(current);
            current = new byte[CHUNK];
            used = 0;
        }
        current[used++] = (byte) c;
    }

    void ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            ascii(s.charAt(i));
        }
    }

    /** Appends the code point at {@code i} of {@code s} and returns how many chars it took (1 or 2). */
    int codePoint(String s, int i) {
        int cp = s.codePointAt(i);
        if (cp < 0x80) {
            ascii((char) cp);
        } else if (cp < 0x800) {
            ascii((char) (0xC0 | cp >> 6));
            ascii((char) (0x80 | cp & 0x3F));
        } else if (cp < 0x10000) {
            ascii((char) (0xE0 | cp >> 12));
            ascii((char) (0x80 | cp >> 6 & 0x3F));
            ascii((char) (0x80 | cp & 0x3F));
        } else {
            ascii((char) (0xF0 | cp >> 18));
            ascii((char) (0x80 | cp >> 12 & 0x3F));
            ascii((char) (0x80 | cp >> 6 & 0x3F));
            ascii((char) (0x80 | cp & 0x3F));
        }
        return Character.charCount(cp);
    }

    byte[] toByteArray() {
        byte[] result = new byte[full.size() * CHUNK + used];
        int at = 0;
        for (byte[] chunk : full) {
            System.arraycopy(chunk, 0, result, at, CHUNK);
            at += CHUNK;
        }
        System.arraycopy(current, 0, result, at, used);
        return result;
    }

    @Override
    public String toString() {
        return "Utf8Chunks[" + (full.size() * CHUNK + used) + " bytes]";
    }
}

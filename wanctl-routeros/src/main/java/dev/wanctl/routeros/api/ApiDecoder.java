package dev.wanctl.routeros.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Bytes to sentences, fed in whatever pieces the socket delivers: a read that times out or a TLS
 * record boundary in the middle of a word loses nothing, the partial sentence waits here for the
 * rest. Limits are checked on the length prefix, before anything is allocated for the word.
 * Not thread-safe: one reader feeds it.
 */
public final class ApiDecoder {

    private final ApiLimits limits;
    private byte[] buf = new byte[4096];
    private int start;
    private int end;

    public ApiDecoder(ApiLimits limits) {
        this.limits = limits;
    }

    /** Appends received bytes. */
    public void feed(byte[] bytes, int off, int len) {
        if (end + len > buf.length) {
            int live = end - start;
            if (live + len <= buf.length) {
                System.arraycopy(buf, start, buf, 0, live);
            } else {
                buf = Arrays.copyOfRange(buf, start, Math.max(buf.length * 2, live + len));
            }
            start = 0;
            end = live;
        }
        System.arraycopy(bytes, off, buf, end, len);
        end += len;
    }

    /** Whether part of a sentence has arrived but not its end. */
    public boolean midSentence() {
        return end > start;
    }

    /** The next complete sentence, or null until more bytes arrive. */
    public ApiSentence next() throws ApiWireException {
        int p = start;
        int total = 0;
        List<String> words = new ArrayList<>();
        while (true) {
            if (p >= end) {
                checkPending(end - start);
                return null;
            }
            int first = buf[p] & 0xFF;
            int prefix = prefixLength(first);
            if (p + prefix > end) {
                return null;
            }
            long len = length(p, prefix);
            if (len > limits.maxWordBytes()) {
                throw new ApiWireException("a word of " + len + " bytes announced; at most " + limits.maxWordBytes()
                        + " are accepted");
            }
            p += prefix;
            if (len == 0) {
                start = p;
                if (start == end) {
                    start = 0;
                    end = 0;
                }
                if (words.isEmpty()) {
                    throw new ApiWireException("an empty sentence");
                }
                return new ApiSentence(words);
            }
            total += (int) len;
            if (total > limits.maxSentenceBytes()) {
                throw new ApiWireException("a sentence of more than " + limits.maxSentenceBytes() + " bytes");
            }
            if (words.size() >= limits.maxWords()) {
                throw new ApiWireException("a sentence of more than " + limits.maxWords() + " words");
            }
            if (p + len > end) {
                return null;
            }
            words.add(new String(buf, p, (int) len, StandardCharsets.UTF_8));
            p += (int) len;
        }
    }

    private void checkPending(int pending) throws ApiWireException {
        if (pending > limits.maxSentenceBytes() + 5L * limits.maxWords()) {
            throw new ApiWireException("a sentence of more than " + limits.maxSentenceBytes() + " bytes");
        }
    }

    private static int prefixLength(int first) throws ApiWireException {
        if ((first & 0x80) == 0) {
            return 1;
        }
        if ((first & 0xC0) == 0x80) {
            return 2;
        }
        if ((first & 0xE0) == 0xC0) {
            return 3;
        }
        if ((first & 0xF0) == 0xE0) {
            return 4;
        }
        if (first == 0xF0) {
            return 5;
        }
        throw new ApiWireException(String.format("reserved control byte 0x%02X where a word length was expected",
                first));
    }

    private long length(int p, int prefix) {
        int b0 = buf[p] & 0xFF;
        return switch (prefix) {
            case 1 -> b0;
            case 2 -> ((b0 & 0x3F) << 8) | (buf[p + 1] & 0xFF);
            case 3 -> ((long) (b0 & 0x1F) << 16) | ((buf[p + 1] & 0xFF) << 8) | (buf[p + 2] & 0xFF);
            case 4 -> ((long) (b0 & 0x0F) << 24) | ((buf[p + 1] & 0xFF) << 16) | ((buf[p + 2] & 0xFF) << 8)
                    | (buf[p + 3] & 0xFF);
            default -> ((long) (buf[p + 1] & 0xFF) << 24) | ((buf[p + 2] & 0xFF) << 16) | ((buf[p + 3] & 0xFF) << 8)
                    | (buf[p + 4] & 0xFF);
        };
    }
}

package dev.wanctl.routeros.api;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Words and sentences to bytes (routeros-api.md §6.1): each word is its length, most significant
 * byte first in one to five bytes, then its UTF-8 bytes; a sentence ends with the empty word.
 */
public final class ApiEncoder {

    private ApiEncoder() {}

    /** The length prefix of a word of {@code length} bytes. */
    public static byte[] lengthPrefix(int length) {
        Buffer b = new Buffer();
        b.prefix(length);
        return b.toByteArray();
    }

    /** One sentence: every word with its prefix, then the terminating zero-length word. */
    public static byte[] sentence(List<String> words) {
        Buffer b = new Buffer();
        for (String w : words) {
            b.word(w);
        }
        return b.end().toByteArray();
    }

    /**
     * Sentences encoded one after another into one reusable buffer, so that a command or a whole
     * reply leaves in one socket write (one TLS record) and encoding allocates nothing once the
     * buffer has grown to the usual size. Not thread-safe: the writer holding the send lock uses it.
     */
    public static final class Buffer {

        private static final int KEPT_BYTES = 64 * 1024; // larger buffers are dropped by clear()

        private byte[] bytes = new byte[256];
        private int size;

        /** Appends one word with its length prefix; an empty word would end the sentence early. */
        public Buffer word(String w) {
            int n = w.length();
            if (n == 0) {
                throw new IllegalArgumentException("an empty word would end the sentence early");
            }
            int i = 0;
            while (i < n && w.charAt(i) < 0x80) {
                i++;
            }
            if (i < n) { // not ASCII: the UTF-8 bytes
                byte[] b = w.getBytes(StandardCharsets.UTF_8);
                prefix(b.length);
                ensure(b.length);
                System.arraycopy(b, 0, bytes, size, b.length);
                size += b.length;
                return this;
            }
            prefix(n);
            ensure(n);
            for (int k = 0; k < n; k++) {
                bytes[size++] = (byte) w.charAt(k);
            }
            return this;
        }

        /** Ends the sentence (the zero-length word). */
        public Buffer end() {
            ensure(1);
            bytes[size++] = 0;
            return this;
        }

        /** Sends what was encoded, in one write. */
        public void writeTo(OutputStream out) throws IOException {
            out.write(bytes, 0, size);
        }

        /** Forgets what was encoded (and a buffer grown past 64 KiB, so one huge reply is not kept). */
        public void clear() {
            size = 0;
            if (bytes.length > KEPT_BYTES) {
                bytes = new byte[256];
            }
        }

        public byte[] toByteArray() {
            return Arrays.copyOf(bytes, size);
        }

        void prefix(int length) {
            if (length < 0) {
                throw new IllegalArgumentException("negative word length " + length);
            }
            ensure(5);
            if (length < 0x80) {
                bytes[size++] = (byte) length;
            } else if (length < 0x4000) {
                int v = length | 0x8000;
                bytes[size++] = (byte) (v >>> 8);
                bytes[size++] = (byte) v;
            } else if (length < 0x200000) {
                int v = length | 0xC00000;
                bytes[size++] = (byte) (v >>> 16);
                bytes[size++] = (byte) (v >>> 8);
                bytes[size++] = (byte) v;
            } else if (length < 0x10000000) {
                int v = length | 0xE0000000;
                bytes[size++] = (byte) (v >>> 24);
                bytes[size++] = (byte) (v >>> 16);
                bytes[size++] = (byte) (v >>> 8);
                bytes[size++] = (byte) v;
            } else {
                bytes[size++] = (byte) 0xF0;
                bytes[size++] = (byte) (length >>> 24);
                bytes[size++] = (byte) (length >>> 16);
                bytes[size++] = (byte) (length >>> 8);
                bytes[size++] = (byte) length;
            }
        }

        private void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }
    }
}

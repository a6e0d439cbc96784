package dev.wanctl.routeros.api;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Words and sentences to bytes (routeros-api.md §6.1): each word is its length, most significant
 * byte first in one to five bytes, then its UTF-8 bytes; a sentence ends with the empty word.
 */
public final class ApiEncoder {

    private ApiEncoder() {}

    /** The length prefix of a word of {@code length} bytes. */
    public static byte[] lengthPrefix(int length) {
        if (length < 0) {
            throw new IllegalArgumentException("negative word length " + length);
        }
        if (length < 0x80) {
            return new byte[] {(byte) length};
        }
        if (length < 0x4000) {
            int v = length | 0x8000;
            return new byte[] {(byte) (v >>> 8), (byte) v};
        }
        if (length < 0x200000) {
            int v = length | 0xC00000;
            return new byte[] {(byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
        }
        if (length < 0x10000000) {
            int v = length | 0xE0000000;
            return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
        }
        return new byte[] {(byte) 0xF0, (byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8),
            (byte) length};
    }

    /** One sentence: every word with its prefix, then the terminating zero-length word. */
    public static byte[] sentence(List<String> words) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        for (String w : words) {
            byte[] b = w.getBytes(StandardCharsets.UTF_8);
            if (b.length == 0) {
                throw new IllegalArgumentException("an empty word would end the sentence early");
            }
            out.writeBytes(lengthPrefix(b.length));
            out.writeBytes(b);
        }
        out.write(0);
        return out.toByteArray();
    }
}

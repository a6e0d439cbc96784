package dev.wanctl.routeros.api;

/**
 * How much of a sentence we accept before deciding the peer is broken or hostile. Real replies are
 * small (a queue-tree item with every property is about 600 bytes); the limits are far above that
 * and far below what could exhaust memory, and a length prefix over them is refused before any
 * allocation.
 *
 * @param maxWordBytes longest single word
 * @param maxSentenceBytes most bytes of all words of one sentence together
 * @param maxWords most words in one sentence
 */
public record ApiLimits(int maxWordBytes, int maxSentenceBytes, int maxWords) {

    /** 64 KiB words, 1 MiB sentences, 4096 words. */
    public static final ApiLimits DEFAULT = new ApiLimits(64 * 1024, 1024 * 1024, 4096);

    public ApiLimits {
        if (maxWordBytes < 1 || maxSentenceBytes < maxWordBytes || maxWords < 1) {
            throw new IllegalArgumentException("bad API limits: " + maxWordBytes + "/" + maxSentenceBytes + "/" + maxWords);
        }
    }
}

package dev.wanctl.routeros.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One API sentence: a command or reply word first ({@code /queue/tree/print}, {@code !re}), then
 * attribute words {@code =name=value}, API attributes ({@code .tag=7}) and query words
 * ({@code ?name=x}).
 */
public record ApiSentence(List<String> words) {

    public ApiSentence {
        words = List.copyOf(words);
        if (words.isEmpty()) {
            throw new IllegalArgumentException("a sentence has at least one word");
        }
    }

    /** {@code command} followed by {@code more}. */
    public static ApiSentence of(String command, String... more) {
        List<String> w = new java.util.ArrayList<>(more.length + 1);
        w.add(command);
        w.addAll(List.of(more));
        return new ApiSentence(w);
    }

    /** The command or reply word. */
    public String head() {
        return words.getFirst();
    }

    /** The {@code .tag} of this sentence, or null. */
    public String tag() {
        for (String w : words) {
            if (w.startsWith(".tag=")) {
                return w.substring(5);
            }
        }
        return null;
    }

    /**
     * The {@code =name=value} attributes in order; a value may contain {@code =} and may be empty.
     * API attributes ({@code .tag}) and query words are not included.
     */
    public Map<String, String> attributes() {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 1; i < words.size(); i++) {
            String w = words.get(i);
            if (w.length() > 1 && w.charAt(0) == '=') {
                int eq = w.indexOf('=', 1);
                if (eq < 0) {
                    out.put(w.substring(1), "");
                } else {
                    out.put(w.substring(1, eq), w.substring(eq + 1));
                }
            }
        }
        return out;
    }

    /** The words starting with {@code ?} without it, in order. */
    public List<String> queries() {
        List<String> out = new java.util.ArrayList<>();
        for (int i = 1; i < words.size(); i++) {
            String w = words.get(i);
            if (w.startsWith("?")) {
                out.add(w.substring(1));
            }
        }
        return out;
    }

    /** This sentence with {@code .tag=tag} added. */
    public ApiSentence tagged(String tag) {
        List<String> w = new java.util.ArrayList<>(words);
        w.add(".tag=" + tag);
        return new ApiSentence(w);
    }

    /** The words with any password value hidden, for logs and error messages. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (String w : words) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(w.startsWith("=password=") ? "=password=***" : w);
        }
        return sb.toString();
    }
}

package dev.wanctl.routeros.api;

import dev.wanctl.routeros.RouterException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What waits for the replies carrying one tag: a call until its {@code !done}, or a stream. */
sealed interface ApiExchange {

    /** Takes one reply; true when the exchange is over. Called by whoever reads the connection. */
    boolean accept(ApiSentence reply);

    /** The connection failed; called once at most. */
    void fail(RouterException e);

    /** A command that ends with {@code !done}: the items before it, or its trap. */
    final class Call implements ApiExchange {
        private final List<Map<String, String>> items = new ArrayList<>();
        private boolean empty;
        private ApiTrap trap;
        private Map<String, String> doneAttrs = Map.of();
        private volatile RouterException failure;
        private volatile boolean finished; // written last: what the reader wrote before is visible

        @Override
        public boolean accept(ApiSentence reply) {
            switch (reply.head()) {
                case "!re" -> items.add(reply.attributes());
                case "!empty" -> empty = true;
                case "!trap" -> {
                    if (trap == null) {
                        trap = ApiTrap.of(reply.attributes());
                    }
                }
                default -> { // !done
                    doneAttrs = reply.attributes();
                    finished = true;
                    return true;
                }
            }
            return false;
        }

        @Override
        public void fail(RouterException e) {
            failure = e;
            finished = true;
        }

        /** Its {@code !done} came, or the connection failed. */
        boolean finished() {
            return finished;
        }

        /** The reply once {@link #finished()}; the connection's failure when it failed. */
        ApiReply reply() throws RouterException {
            RouterException f = failure;
            if (f != null) {
                throw f;
            }
            return new ApiReply(items, doneAttrs, empty, trap);
        }
    }

    /** A command whose {@code !re} replies keep coming until it is cancelled or the connection ends. */
    final class Stream implements ApiExchange {

        /** Receives a streamed command's replies on whichever thread reads the connection; must not block. */
        interface Listener {
            void item(Map<String, String> attributes);

            /** The stream ended: cancelled, refused ({@code trap} not null) or the connection failed ({@code failure}). */
            void ended(ApiTrap trap, RouterException failure);
        }

        private final Listener listener;
        private ApiTrap trap;

        Stream(Listener listener) {
            this.listener = listener;
        }

        @Override
        public boolean accept(ApiSentence reply) {
            switch (reply.head()) {
                case "!re" -> listener.item(reply.attributes());
                case "!trap" -> trap = ApiTrap.of(reply.attributes());
                case "!done" -> {
                    listener.ended(trap, null);
                    return true;
                }
                default -> { } // !empty: nothing matches yet
            }
            return false;
        }

        @Override
        public void fail(RouterException e) {
            listener.ended(null, e);
        }
    }
}

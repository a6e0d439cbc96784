package dev.wanctl.emulator.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wanctl.emulator.RouterEmulator;
import dev.wanctl.routeros.api.ApiDecoder;
import dev.wanctl.routeros.api.ApiEncoder;
import dev.wanctl.routeros.api.ApiLimits;
import dev.wanctl.routeros.api.ApiSentence;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The emulator's API listener at the sentence level, as routeros-api.md §6 describes the router. */
class ApiEmulatorTest {

    private RouterEmulator router;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private final ApiDecoder decoder = new ApiDecoder(ApiLimits.DEFAULT);

    @BeforeEach
    void start() throws Exception {
        router = RouterEmulator.builder().restPort(-1).restTlsPort(-1).sshPort(-1).apiTlsPort(-1).start();
        socket = new Socket(RouterEmulator.HOST, router.apiPort());
        socket.setSoTimeout(5000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    @AfterEach
    void stop() throws Exception {
        socket.close();
        router.close();
    }

    private void send(String... words) throws Exception {
        out.write(ApiEncoder.sentence(List.of(words)));
        out.flush();
    }

    private ApiSentence next() throws Exception {
        byte[] buf = new byte[4096];
        ApiSentence s;
        while ((s = decoder.next()) == null) {
            int n = in.read(buf);
            if (n < 0) {
                return null;
            }
            decoder.feed(buf, 0, n);
        }
        return s;
    }

    /** Replies up to and including the one headed {@code last}. */
    private List<ApiSentence> until(String last) throws Exception {
        List<ApiSentence> got = new ArrayList<>();
        ApiSentence s;
        do {
            s = next();
            got.add(s);
        } while (s != null && !s.head().equals(last));
        return got;
    }

    private void login() throws Exception {
        send("/login", "=name=" + router.user(), "=password=" + router.password(), ".tag=l");
        assertThat(next().head()).isEqualTo("!done");
    }

    @Test
    void aCommandBeforeLoginEndsTheSessionWithFatal() throws Exception {
        send("/queue/tree/print");

        assertThat(next().words()).containsExactly("!fatal", "not logged in");
        assertThat(next()).isNull();
    }

    @Test
    void aWrongPasswordIsATrapWithTheRoutersMessage() throws Exception {
        send("/login", "=name=" + router.user(), "=password=nope", ".tag=1");

        ApiSentence trap = next();
        assertThat(trap.head()).isEqualTo("!trap");
        assertThat(trap.attributes()).containsEntry("message", "invalid user name or password (6)");
        assertThat(trap.tag()).isEqualTo("1");
        assertThat(next().head()).isEqualTo("!done");
    }

    @Test
    void aPrintFiltersWithQueriesAndProplistAndRepliesCarryTheTag() throws Exception {
        login();
        send("/queue/tree/print", "?name=WAN-Download-Spectrum", "=.proplist=name,max-limit", ".tag=7");

        List<ApiSentence> r = until("!done");
        assertThat(r).hasSize(2);
        assertThat(r.getFirst().attributes()).containsOnlyKeys("name", "max-limit")
                .containsEntry("max-limit", "940000000");
        assertThat(r).allSatisfy(s -> assertThat(s.tag()).isEqualTo("7"));
    }

    @Test
    void aProplistGivesTheFieldsOfTheWholeItemInItsOrderAndQueriesReadStatisticsToo() throws Exception {
        login();
        send("/queue/tree/print", "?name=WAN-Download-Spectrum", ".tag=1");
        Map<String, String> whole = until("!done").getFirst().attributes();
        send("/queue/tree/print", "?max-limit=940M", "?bytes", "?#&",
                "=.proplist=rate,nonsense,.id,max-limit,name,bytes", ".tag=2");
        List<ApiSentence> some = until("!done");

        List<String> order = new ArrayList<>(whole.keySet());
        order.retainAll(List.of("rate", ".id", "max-limit", "name", "bytes"));
        assertThat(some.getFirst().attributes().keySet()).containsExactlyElementsOf(order).hasSize(5);
        assertThat(some).extracting(ApiSentence::head).containsExactly("!re", "!done");
        assertThat(some.getFirst().attributes()).containsEntry(".id", whole.get(".id"))
                .containsEntry("max-limit", "940000000");

        send("/queue/tree/print", "?-bytes", "?-name", "?#|", "=.proplist=name", ".tag=3");
        assertThat(until("!done")).extracting(ApiSentence::head).doesNotContain("!re").endsWith("!done");

        send("/queue/tree/print", "?max-limit=38M", "?name=WAN-Download-Spectrum", "=.proplist=name", ".tag=4");
        assertThat(until("!done")).extracting(ApiSentence::head).doesNotContain("!re");
        send("/queue/tree/print", "?max-limit=38M", "?name=WAN-Download-Spectrum", "?#|", "=.proplist=name", ".tag=5");
        assertThat(until("!done")).filteredOn(x -> x.head().equals("!re")).extracting(x -> x.attributes().get("name"))
                .containsExactly("WAN-Download-Spectrum", "WAN-Upload-Spectrum");
    }

    @Test
    void setByNameChangesTheRouterAndAMissingItemIsANoSuchItemTrap() throws Exception {
        login();
        send("/queue/tree/set", "=numbers=WAN-Download-Spectrum", "=max-limit=500000000", ".tag=2");
        assertThat(next().head()).isEqualTo("!done");
        assertThat(router.state().maxLimitBps("WAN-Download-Spectrum")).isEqualTo(500_000_000L);

        send("/queue/tree/set", "=.id=*99", "=max-limit=1", ".tag=3");
        ApiSentence trap = next();
        assertThat(trap.head()).isEqualTo("!trap");
        assertThat(trap.attributes()).containsEntry("message", "no such item").containsEntry("category", "0");
    }

    @Test
    void anIntervalPrintStreamsUntilCancelled() throws Exception {
        login();
        long requestsBefore = router.requests().total(dev.wanctl.emulator.model.Transport.API);
        send("/queue/tree/print", "=interval=50ms", "?name=WAN-Download-Spectrum", "=.proplist=name,bytes",
                ".tag=s");
        assertThat(next().head()).isEqualTo("!re");
        router.state().addTraffic("WAN-Download-Spectrum", 1_000L, 1L, 0L);
        ApiSentence later;
        do {
            later = next();
        } while (later.attributes().get("bytes").equals("0"));
        assertThat(later.attributes()).containsEntry("bytes", "1000");
        assertThat(router.requests().total(dev.wanctl.emulator.model.Transport.API) - requestsBefore)
                .as("samples arrive without requests").isEqualTo(1);

        send("/cancel", "=tag=s", ".tag=c");
        List<ApiSentence> end = new ArrayList<>();
        ApiSentence s;
        do {
            s = next();
            if (!s.head().equals("!re")) {
                end.add(s);
            }
        } while (!(s.head().equals("!done") && "c".equals(s.tag())));
        assertThat(end).anySatisfy(x -> assertThat(x.attributes()).containsEntry("message", "interrupted"));
    }

    @Test
    void quitEndsTheSession() throws Exception {
        login();
        send("/quit");

        assertThat(next().words()).containsExactly("!fatal", "session terminated on request");
        assertThat(next()).isNull();
    }
}

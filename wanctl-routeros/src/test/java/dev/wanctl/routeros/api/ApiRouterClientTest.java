package dev.wanctl.routeros.api;

import static dev.wanctl.routeros.api.ScriptedApiServer.Answer.send;
import static dev.wanctl.routeros.api.ScriptedApiServer.reply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wanctl.core.config.Secret;
import dev.wanctl.routeros.RouterException;
import dev.wanctl.routeros.RouterException.Kind;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The client's side of the exchanges in routeros-api.md §6.5, against a scripted server. */
class ApiRouterClientTest {

    private final List<String> received = new CopyOnWriteArrayList<>();

    private ApiRouterClient client(ScriptedApiServer server, String password) {
        return new ApiRouterClient(new ApiSettings("127.0.0.1", server.port(), "wanctl", Secret.of(password), null,
                Duration.ofSeconds(2), Duration.ofSeconds(2), null));
    }

    private ScriptedApiServer server(ScriptedApiServer.Script afterLogin) throws Exception {
        return new ScriptedApiServer(got -> {
            received.add(got.toString());
            if (got.head().equals("/login")) {
                return send(reply(got.tag(), List.of(List.of("!done"))));
            }
            return afterLogin.answer(got);
        });
    }

    @Test
    void aRefusedLoginIsAnAuthenticationErrorNamingTheUserButNotThePassword() throws Exception {
        try (ScriptedApiServer server = new ScriptedApiServer(got -> send(reply(got.tag(), List.of(
                List.of("!trap", "=message=invalid user name or password (6)"), List.of("!done")))));
                ApiRouterClient c = client(server, "s3cret")) {
            assertThatThrownBy(c::readSystem).isInstanceOf(RouterException.class)
                    .satisfies(e -> assertThat(((RouterException) e).kind()).isEqualTo(Kind.AUTHENTICATION))
                    .hasMessageContaining("wanctl").hasMessageContaining("invalid user name")
                    .hasMessageNotContaining("s3cret");
        }
    }

    @Test
    void aRouterAskingForTheOldChallengeLoginIsToldToUpgrade() throws Exception {
        try (ScriptedApiServer server = new ScriptedApiServer(got -> send(reply(got.tag(), List.of(
                List.of("!done", "=ret=ebddd18303a54111e2dea05a92ab46b4")))));
                ApiRouterClient c = client(server, "pw")) {
            assertThatThrownBy(c::readSystem).isInstanceOf(RouterException.class)
                    .satisfies(e -> assertThat(((RouterException) e).kind()).isEqualTo(Kind.PROTOCOL))
                    .hasMessageContaining("6.43");
        }
    }

    @Test
    void maxLimitIsSetByNameInOneExchangeAsAString() throws Exception {
        try (ScriptedApiServer server = server(got -> send(reply(got.tag(), List.of(List.of("!done")))));
                ApiRouterClient c = client(server, "pw")) {
            c.setMaxLimit("WAN-Download", 480_000_000L);

            assertThat(received).containsExactly("/login =name=wanctl =password=*** .tag=1",
                    "/queue/tree/set =numbers=WAN-Download =max-limit=480000000 .tag=2");
        }
    }

    @Test
    void anEmptyPrintIsAQueueNotFoundNamingIt() throws Exception {
        try (ScriptedApiServer server = server(got -> send(reply(got.tag(), List.of(List.of("!empty"),
                List.of("!done")))));
                ApiRouterClient c = client(server, "pw")) {
            assertThatThrownBy(() -> c.readQueueStats("WAN-Nope")).isInstanceOf(RouterException.class)
                    .satisfies(e -> assertThat(((RouterException) e).kind()).isEqualTo(Kind.NOT_FOUND))
                    .hasMessageContaining("WAN-Nope");
            assertThat(received.get(1)).isEqualTo("/queue/tree/print ?name=WAN-Nope =.proplist=name,bytes,packets,"
                    + "dropped,queued-bytes,queued-packets,rate .tag=2");
        }
    }

    @Test
    void aRuleIsFoundByCommentAndToggledById() throws Exception {
        try (ScriptedApiServer server = server(got -> got.head().endsWith("/print")
                ? send(reply(got.tag(), List.of(List.of("!re", "=.id=*5", "=comment=ADAPTIVE-STEER", "=disabled=true"),
                        List.of("!done"))))
                : send(reply(got.tag(), List.of(List.of("!done")))));
                ApiRouterClient c = client(server, "pw")) {
            assertThat(c.ruleEnabled("ADAPTIVE-STEER")).isFalse();
            c.setRuleEnabled("ADAPTIVE-STEER", true);

            assertThat(received).contains(
                    "/ip/firewall/mangle/print ?comment=ADAPTIVE-STEER =.proplist=.id,comment,disabled .tag=2",
                    "/ip/firewall/mangle/enable =numbers=*5 .tag=4");
        }
    }

    @Test
    void aRouterThatTakesNoNamesForNumbersIsWrittenById() throws Exception {
        try (ScriptedApiServer server = server(got -> {
            if (got.head().endsWith("/print")) {
                return send(reply(got.tag(), List.of(List.of("!re", "=.id=*1000000"), List.of("!done"))));
            }
            if (got.words().contains("=numbers=WAN-Download")) {
                return send(reply(got.tag(), List.of(List.of("!trap", "=message=no such item"), List.of("!done"))));
            }
            return send(reply(got.tag(), List.of(List.of("!done"))));
        });
                ApiRouterClient c = client(server, "pw")) {
            c.setMaxLimit("WAN-Download", 1_000L);

            assertThat(received).last().isEqualTo("/queue/tree/set =.id=*1000000 =max-limit=1000 .tag=4");
        }
    }
}

package dev.wanctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code wanctl emulate-router} as a user runs it, in its own JVM: the banner says where the
 * request counts are, {@code GET /wanctl/requests} answers them, and SIGTERM prints a summary.
 */
class EmulateRouterCommandTest {

    @Test
    void countsRequestsPerKindAnswersThemOverRestAndSummarisesThemOnSigterm() throws Exception {
        String javaBin = ProcessHandle.current().info().command().orElseThrow();
        Process p = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "emulate-router", "--rest-tls-port", "-1", "--ssh-port", "-1", "--api-port", "-1", "--api-tls-port", "-1")
                .redirectErrorStream(true).start();
        StringBuilder out = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            String line;
            while (System.nanoTime() < deadline && (line = r.readLine()) != null) {
                out.append(line).append('\n');
                if (line.startsWith("Running until interrupted")) {
                    break;
                }
            }
            String banner = out.toString();
            Matcher url = Pattern.compile("request counts: curl -s (http://127\\.0\\.0\\.1:(\\d+)/wanctl/requests)")
                    .matcher(banner);
            assertThat(url.find()).as(banner).isTrue();
            Matcher user = Pattern.compile("user (\\S+), password (\\S+)").matcher(banner);
            assertThat(user.find()).as(banner).isTrue();

            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            String auth = "Basic " + Base64.getEncoder().encodeToString(
                    (user.group(1) + ":" + user.group(2)).getBytes(StandardCharsets.UTF_8));
            String rest = "http://127.0.0.1:" + url.group(2) + "/rest";
            for (int i = 0; i < 2; i++) {
                assertThat(http.send(HttpRequest.newBuilder(URI.create(rest + "/system/resource"))
                        .header("Authorization", auth).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                        .isEqualTo(200);
            }
            http.send(HttpRequest.newBuilder(URI.create(rest + "/queue/tree/*1000000")).header("Authorization", auth)
                    .header("Content-Type", "application/json")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"max-limit\":\"900M\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());

            HttpResponse<String> counts = http.send(HttpRequest.newBuilder(URI.create(url.group(1))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(counts.statusCode()).isEqualTo(200);
            JsonNode doc = JsonMapper.builder().build().readTree(counts.body());
            assertThat(doc.get("transports").get("rest").get("read").asLong()).as(counts.body()).isEqualTo(2);
            assertThat(doc.get("transports").get("rest").get("write").asLong()).as(counts.body()).isEqualTo(1);
            assertThat(doc.get("total").asLong()).isEqualTo(3);

            p.toHandle().destroy(); // SIGTERM (Process.destroy would also close the output stream)
            while ((line = r.readLine()) != null) {
                out.append(line).append('\n');
            }
        } finally {
            p.destroyForcibly();
        }
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(out.toString())
                .containsPattern("Requests received in \\d+\\.\\d s: 3 \\(")
                .contains("  REST       2 read, 1 write (")
                .doesNotContain("Exception");
    }
}

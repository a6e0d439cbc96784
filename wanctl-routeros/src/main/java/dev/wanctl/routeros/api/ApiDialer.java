package dev.wanctl.routeros.api;

import dev.wanctl.routeros.Deadline;
import dev.wanctl.routeros.RouterException;
import dev.wanctl.routeros.RouterException.Kind;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens and logs in one {@link ApiConnection}, within one call's deadline. */
final class ApiDialer {

    private static final Logger LOG = LoggerFactory.getLogger(ApiDialer.class);

    private final ApiSettings settings;

    ApiDialer(ApiSettings settings) {
        this.settings = settings;
        if (!settings.tls()) {
            LOG.warn("the API to router {} is plain text (port {}): the password crosses the network"
                    + " unencrypted; use api-ssl on 8729", settings.host(), settings.port());
        }
    }

    ApiConnection open(Deadline deadline) throws RouterException {
        String host = settings.host();
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, settings.port()),
                    deadline.remainingMillisAtMost(settings.connectTimeout()));
            socket.setSoTimeout(deadline.remainingMillisAtMost(settings.requestTimeout()));
            Socket s = settings.tls() ? handshake(socket) : socket;
            // from now on SO_TIMEOUT bounds a sentence that stalls half way; callers bound whole calls
            s.setSoTimeout((int) Math.max(1, settings.requestTimeout().toMillis()));
            ApiConnection c = new ApiConnection(s, host, settings.limits());
            try {
                c.login(settings.user(), settings.password().reveal(), deadline);
            } catch (RouterException e) {
                c.close();
                throw e;
            }
            return c;
        } catch (SSLHandshakeException e) {
            closeQuietly(socket);
            CertificateException refused = findCause(e, CertificateException.class);
            if (refused != null) {
                throw new RouterException(Kind.AUTHENTICATION, "router " + host + " (api): TLS: "
                        + refused.getMessage(), e);
            }
            throw RouterException.io(host, "api", e);
        } catch (IOException e) {
            closeQuietly(socket);
            throw RouterException.io(host, "api", e);
        } catch (RouterException e) {
            closeQuietly(socket);
            throw e;
        }
    }

    private Socket handshake(Socket plain) throws IOException {
        SSLSocket tls = (SSLSocket) settings.trust().context().getSocketFactory()
                .createSocket(plain, settings.host(), settings.port(), true);
        if (settings.trust().checkHostName()) {
            SSLParameters p = tls.getSSLParameters();
            p.setEndpointIdentificationAlgorithm("HTTPS"); // the certificate must name the host, as for REST
            tls.setSSLParameters(p);
        }
        tls.startHandshake();
        return tls;
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // nothing useful follows
        }
    }

    private static <T extends Throwable> T findCause(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }
}

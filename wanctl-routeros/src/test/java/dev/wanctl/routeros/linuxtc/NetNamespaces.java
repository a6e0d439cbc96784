package dev.wanctl.routeros.linuxtc;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Assumptions;

/**
 * Network namespaces a test creates (names start with {@code wbk}) and removes, and a way to run code
 * inside one: a fresh platform thread joins it with {@code setns(2)}, so sockets and netlink it
 * opens belong to the namespace while the rest of the JVM stays in the host's. Nothing here
 * touches the host's own interfaces.
 */
final class NetNamespaces implements AutoCloseable {

    private static final int CLONE_NEWNET = 0x40000000;
    private static final int CAP_NET_ADMIN = 12;
    private static final Linker LINKER = Linker.nativeLinker();
    private static final MethodHandle OPEN = LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow("open"),
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle SETNS = LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow("setns"),
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle CLOSE = LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow("close"),
            FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final MethodHandle CAPGET = LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow("capget"),
            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
    private static final MethodHandle CAPSET = LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow("capset"),
            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));

    private final List<String> created = new ArrayList<>();

    /** Skips the test without root and iproute2, except in CI, where the test must run. */
    static void assumeAvailable() {
        boolean root = "root".equals(System.getProperty("user.name"));
        boolean ip = Files.isExecutable(Path.of("/usr/sbin/ip")) || Files.isExecutable(Path.of("/sbin/ip"))
                || Files.isExecutable(Path.of("/usr/bin/ip"));
        boolean tc = Files.isExecutable(Path.of("/usr/sbin/tc")) || Files.isExecutable(Path.of("/sbin/tc"));
        if ("true".equals(System.getenv("CI"))) {
            if (!root || !ip || !tc) {
                throw new IllegalStateException("CI must run the namespace tests: they need root (" + root
                        + "), ip (" + ip + ") and tc (" + tc + ")");
            }
            return;
        }
        Assumptions.assumeTrue(root && ip && tc, "needs root, ip and tc to create network namespaces"
                + " (CI runs as root and runs this test)");
    }

    /** A new namespace named {@code name} with its loopback up. */
    String add(String name) throws Exception {
        run("ip", "netns", "add", name);
        created.add(name);
        run("ip", "-n", name, "link", "set", "lo", "up");
        return name;
    }

    /** Runs a command, failing with its output when it fails. */
    static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }

    /** Runs {@code body} on a new platform thread inside namespace {@code ns} and returns its result. */
    static <T> T inside(String ns, Callable<T> body) throws Exception {
        return inside(ns, false, body);
    }

    /**
     * Like {@link #inside(String, Callable)}; with {@code withoutNetAdmin} the thread first drops
     * CAP_NET_ADMIN from its own effective set (capabilities are per thread), as a daemon without the
     * capability would run.
     */
    static <T> T inside(String ns, boolean withoutNetAdmin, Callable<T> body) throws Exception {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = Thread.ofPlatform().name("in-" + ns).start(() -> {
            try {
                enter(ns);
                if (withoutNetAdmin) {
                    dropNetAdmin();
                }
                result.set(body.call());
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        t.join();
        if (failure.get() instanceof Exception e) {
            throw e;
        }
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
        return result.get();
    }

    private static void enter(String ns) throws Throwable {
        try (Arena a = Arena.ofConfined()) {
            int fd = (int) OPEN.invokeExact(a.allocateFrom("/run/netns/" + ns), 0x80000 /* O_CLOEXEC */);
            if (fd < 0) {
                throw new IllegalStateException("cannot open /run/netns/" + ns);
            }
            int rc = (int) SETNS.invokeExact(fd, CLONE_NEWNET);
            int ignored = (int) CLOSE.invokeExact(fd);
            if (rc != 0) {
                throw new IllegalStateException("setns into " + ns + " failed");
            }
        }
    }

    private static void dropNetAdmin() throws Throwable {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment header = a.allocate(8, 4);
            header.set(JAVA_INT, 0, 0x20080522); // _LINUX_CAPABILITY_VERSION_3
            header.set(JAVA_INT, 4, 0); // this thread
            MemorySegment data = a.allocate(24, 4); // two of {effective, permitted, inheritable}
            if ((int) CAPGET.invokeExact(header, data) != 0) {
                throw new IllegalStateException("capget failed");
            }
            data.set(JAVA_INT, 0, data.get(JAVA_INT, 0) & ~(1 << CAP_NET_ADMIN));
            if ((int) CAPSET.invokeExact(header, data) != 0) {
                throw new IllegalStateException("capset failed");
            }
        }
    }

    @Override
    public void close() {
        for (String ns : created.reversed()) {
            try {
                run("ip", "netns", "del", ns);
            } catch (Exception e) {
                System.err.println("could not remove namespace " + ns + ": " + e.getMessage());
            }
        }
    }
}

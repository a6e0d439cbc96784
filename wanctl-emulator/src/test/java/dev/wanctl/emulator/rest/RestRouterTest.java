package dev.wanctl.emulator.rest;

import dev.wanctl.emulator.RouterEmulator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh emulator with only plain-HTTP REST for each test, and a client for it. */
abstract class RestRouterTest {

    RouterEmulator router;
    Rest rest;

    @BeforeEach
    void startRouter() {
        router = RouterEmulator.builder().restTlsPort(-1).sshPort(-1).start();
        rest = new Rest(router);
    }

    @AfterEach
    void stopRouter() {
        router.close();
    }
}

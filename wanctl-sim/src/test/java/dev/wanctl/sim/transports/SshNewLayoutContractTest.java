package dev.wanctl.sim.transports;

import dev.wanctl.sim.emulator.CliLayout;

/** The contract over the SSH console of newer v7 builds (capitalised flag legends). */
class SshNewLayoutContractTest extends SshContractTest {

    @Override
    CliLayout cliLayout() {
        return CliLayout.NEW;
    }
}

package dev.wanctl.emulator.transports;

import dev.wanctl.emulator.cli.CliLayout;

/** The contract over the SSH console of newer v7 builds (capitalised flag legends). */
class SshNewLayoutContractTest extends SshContractTest {

    @Override
    CliLayout cliLayout() {
        return CliLayout.NEW;
    }
}

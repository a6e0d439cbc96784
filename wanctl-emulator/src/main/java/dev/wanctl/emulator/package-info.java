/**
 * An emulated RouterOS 7 router for tests, the simulator, the demo and users without a router.
 *
 * <p>{@link dev.wanctl.emulator.RouterEmulator} is the entry point: it holds one
 * {@link dev.wanctl.emulator.model.RouterState} (seeded from a {@link dev.wanctl.emulator.model.Fixture},
 * by default the bundled {@code default-router.yaml}) and serves it over REST (HTTP and HTTPS with a
 * self-signed certificate), over an SSH console (Apache MINA sshd, a RouterOS CLI interpreter) and
 * through the in-process {@link dev.wanctl.emulator.EmulatedRouterClient}. Wire behaviour follows
 * {@code reference/routeros-api.md}. {@link dev.wanctl.emulator.faults.Faults} injects failures per
 * transport and router-wide; {@link dev.wanctl.emulator.model.RequestCounters} and the state's write
 * history show the load a daemon puts on the router. Everything listens on 127.0.0.1 only.
 *
 * <p>Inside: {@code MenuSpecs}/{@code PropType} describe the menus and validate values,
 * {@code MenuOps} is the shared set/add/remove logic, {@code RestApi}/{@code RestCommands} the REST
 * semantics, {@code CliParser}/{@code CliInterpreter}/{@code CliPrinter} the console.
 */
package dev.wanctl.emulator;

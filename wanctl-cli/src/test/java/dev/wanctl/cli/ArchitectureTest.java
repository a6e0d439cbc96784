package dev.wanctl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module and package graph of docs/ARCHITECTURE.md, enforced: a module or package that
 * imports against it, or a package cycle anywhere in {@code dev.wanctl}, fails the build. Runs
 * here because this module sees every other one but the benchmarks (which nothing depends on).
 */
class ArchitectureTest {

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.wanctl");
    }

    @Test
    void everyModuleIsImported() {
        for (String module : new String[] {"core", "routeros", "emulator", "autorate", "steering", "sim", "cli"}) {
            assertThat(production.containPackage("dev.wanctl." + module)).as("module %s imported", module).isTrue();
        }
    }

    @Test
    void noPackageCycles() {
        slices().matching("dev.wanctl.(**)").should().beFreeOfCycles().check(production);
    }

    @Test
    void modulesDependOnlyDownward() {
        layeredArchitecture().consideringOnlyDependenciesInAnyPackage("dev.wanctl..")
                .layer("core").definedBy("dev.wanctl.core..")
                .layer("routeros").definedBy("dev.wanctl.routeros..")
                .layer("emulator").definedBy("dev.wanctl.emulator..")
                .layer("autorate").definedBy("dev.wanctl.autorate..")
                .layer("steering").definedBy("dev.wanctl.steering..")
                .layer("sim").definedBy("dev.wanctl.sim..")
                .layer("cli").definedBy("dev.wanctl.cli..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("sim").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("autorate").mayOnlyBeAccessedByLayers("sim", "cli")
                .whereLayer("steering").mayOnlyBeAccessedByLayers("sim", "cli")
                .whereLayer("emulator").mayOnlyBeAccessedByLayers("sim", "cli")
                .whereLayer("routeros").mayOnlyBeAccessedByLayers("emulator", "autorate", "steering", "sim", "cli")
                .check(production);
    }

    @Test
    void coreDependsOnNothingOfOurs() {
        noClasses().that().resideInAPackage("dev.wanctl.core..").should().dependOnClassesThat()
                .resideInAnyPackage("dev.wanctl.routeros..", "dev.wanctl.emulator..", "dev.wanctl.autorate..",
                        "dev.wanctl.steering..", "dev.wanctl.sim..", "dev.wanctl.cli..", "dev.wanctl.bench..")
                .check(production);
    }

    @Test
    void controlIsPureNoIoNoClockNoOtherPackage() {
        classes().that().resideInAPackage("dev.wanctl.core.control").should().onlyDependOnClassesThat()
                .resideInAnyPackage("dev.wanctl.core.control", "java.lang", "java.lang.invoke", "java.util",
                        "java.util.function")
                .because("core.control is pure: no I/O (java.io, java.net, java.nio), no clock (java.time),"
                        + " no threads, no config or runtime types")
                .check(production);
        noClasses().that().resideInAPackage("dev.wanctl.core.control").should().callMethod(System.class, "nanoTime")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .because("a control law never reads a clock: time is counted in steps of the interval")
                .check(production);
    }

    @Test
    void corePackagesAreLayered() {
        layeredArchitecture().consideringOnlyDependenciesInAnyPackage("dev.wanctl.core..")
                .layer("control").definedBy("dev.wanctl.core.control")
                .layer("runtime").definedBy("dev.wanctl.core.runtime")
                .layer("probe").definedBy("dev.wanctl.core.probe")
                .layer("config").definedBy("dev.wanctl.core.config")
                .layer("daemon").definedBy("dev.wanctl.core.daemon")
                .layer("version").definedBy("dev.wanctl.core")
                .whereLayer("daemon").mayNotBeAccessedByAnyLayer()
                .whereLayer("config").mayOnlyBeAccessedByLayers("daemon")
                .whereLayer("probe").mayOnlyBeAccessedByLayers("config", "daemon")
                .whereLayer("runtime").mayOnlyBeAccessedByLayers("probe", "config", "daemon")
                .whereLayer("control").mayOnlyBeAccessedByLayers("probe", "config", "daemon")
                .check(production);
    }
}

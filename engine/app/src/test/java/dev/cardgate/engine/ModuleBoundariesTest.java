package dev.cardgate.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;

/**
 * The module and package rules of docs/architecture.md, on the compiled main classes of every
 * module (codec, core, front-end, app): no package depends on itself through others, the codec
 * knows nothing of the engine, and the core, what an embedder takes, names none of the front-end's,
 * the command line's or the metrics server's classes or libraries. The compiler already stops a
 * core class from naming a class its module does not depend on; this also stops a dependency
 * being added to the core's pom for one.
 */
class ModuleBoundariesTest {
    /** The packages of the core module (engine/core). */
    private static final String[] CORE = {"dev.cardgate.engine", "dev.cardgate.engine.blocklist",
        "dev.cardgate.engine.check", "dev.cardgate.engine.config", "dev.cardgate.engine.control",
        "dev.cardgate.engine.counters", "dev.cardgate.engine.decision", "dev.cardgate.engine.event",
        "dev.cardgate.engine.files", "dev.cardgate.engine.journal", "dev.cardgate.engine.pipeline",
        "dev.cardgate.engine.rules", "dev.cardgate.engine.terminal", "dev.cardgate.engine.token",
        "dev.cardgate.engine.upstream"};

    private static final JavaClasses MAIN_CLASSES = new ClassFileImporter()
        .withImportOption(ModuleBoundariesTest::isMainCode)
        .importPackages("dev.cardgate.codec", "dev.cardgate.engine");

    /** Main classes only: not test classes, whether in a test-classes folder or a tests jar. */
    private static boolean isMainCode(final Location location) {
        return new ImportOption.DoNotIncludeTests().includes(location) && !location.contains("-tests.jar");
    }

    @Test
    void theRulesSeeTheClassesOfEveryModule() {
        for (final String name : new String[] {"dev.cardgate.codec.Iso8583Decoder", "dev.cardgate.engine.AuthorizationEngine",
            "dev.cardgate.engine.frontend.FrontEnd", "dev.cardgate.engine.upstream.link.NettyUpstreamLink",
            "dev.cardgate.engine.cli.CardgateCommand"}) {
            assertTrue(MAIN_CLASSES.contain(name), name + " was not imported: the rules below would check nothing of it");
        }
    }

    @Test
    void noPackageDependsOnItselfThroughOthers() {
        slices().matching("dev.cardgate.(**)").should().beFreeOfCycles().check(MAIN_CLASSES);
    }

    @Test
    void theCoreNamesNoFrontEndCommandLineOrMetricsServerClass() {
        noClasses().that().resideInAnyPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage("io.netty..", "picocli..", "io.prometheus..",
                "com.sun.net.httpserver..", "dev.cardgate.engine.frontend..", "dev.cardgate.engine.cli..",
                "dev.cardgate.engine.metrics..")
            .check(MAIN_CLASSES);
    }

    @Test
    void theCoreNamesNothingOfTheUpstreamLinkOrTheSimulator() {
        noClasses().that().resideInAnyPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage("dev.cardgate.engine.upstream.link..",
                "dev.cardgate.engine.upstream.simulator..")
            .check(MAIN_CLASSES);
    }

    @Test
    void theFrontEndNamesNoCommandLineOrMetricsServerClass() {
        noClasses().that().resideInAPackage("dev.cardgate.engine.frontend..")
            .should().dependOnClassesThat().resideInAnyPackage("picocli..", "io.prometheus..",
                "dev.cardgate.engine.cli..", "dev.cardgate.engine.metrics..")
            .check(MAIN_CLASSES);
    }

    @Test
    void theCodecKnowsNothingOfTheEngine() {
        noClasses().that().resideInAPackage("dev.cardgate.codec..")
            .should().dependOnClassesThat().resideInAPackage("dev.cardgate.engine..")
            .check(MAIN_CLASSES);
    }
}

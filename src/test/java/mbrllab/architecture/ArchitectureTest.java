package mbrllab.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The core (mazes, Dyna-Q, experiments, models, planners) is plain Java: it knows no pixels, no command line and
 * nothing of the app. In the app, every lab is a package of its own that uses the shared packages (the runtime, the
 * maze drawing, the debugger, the shell, ...) and no other lab; the shared packages use no lab. The command line
 * reaches the app only to take screenshots.
 */
@AnalyzeClasses(packages = "mbrllab", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule CORE_IS_PLAIN_JAVA = noClasses().that().resideInAPackage("mbrllab.core..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.jfree..", "java.awt..", "javax.swing..",
                    "picocli..", "mbrllab.app..", "mbrllab.cli..", "mbrllab.charts..", "mbrllab.io..",
                    "com.sun.glass..")
            .because("the core must run headless and be testable without a display (STYLE.md)");

    @ArchTest
    static final ArchRule CORE_OWNS_NO_THREADS = noClasses().that().resideInAPackage("mbrllab.core..")
            .should().dependOnClassesThat().haveFullyQualifiedName("java.lang.Thread")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.Executors")
            .because("threads belong to the app and the command line; the core takes an Executor");

    @ArchTest
    static final ArchRule ONLY_THE_APP_USES_JAVAFX = noClasses().that().resideOutsideOfPackages("mbrllab.app..",
                    "mbrllab")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..")
            .because("the command line runs without a display (the screenshot command goes through the app)");

    /** Packages of the app that every lab may use; every other package directly under the app is a lab. */
    static final Set<String> SHARED = Set.of("lab", "maze", "debugger", "shell", "render", "controls", "export",
            "editor", "charts", "common");

    @ArchTest
    static final ArchRule LABS_ARE_INDEPENDENT = labsAreIndependent("mbrllab.app");

    @ArchTest
    static final ArchRule ONLY_THE_SCREENSHOT_COMMAND_USES_THE_APP = noClasses().that()
            .resideInAPackage("mbrllab.cli..").and().doNotHaveSimpleName("ScreenshotCommand")
            .should().dependOnClassesThat().resideInAPackage("mbrllab.app..")
            .because("the command line runs headless; only the screenshot command opens the window");

    /**
     * Classes in a package below {@code root} use no lab package but their own: a lab uses shared packages only, a
     * shared package uses no lab.
     */
    static ArchRule labsAreIndependent(String root) {
        return classes().that().resideInAPackage(root + ".*..").should(new ArchCondition<JavaClass>(
                "use no lab package but their own (shared packages: " + SHARED + ")") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                String own = labOf(root, item.getPackageName());
                for (Dependency d : item.getDirectDependenciesFromSelf()) {
                    String target = labOf(root, d.getTargetClass().getPackageName());
                    if (target != null && !target.equals(own)) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                    }
                }
            }
        }).because("a new lab is one package that plugs into the shared runtime, not a copy of another lab");
    }

    /** The lab a package belongs to (the first package name below root), or null for shared and outside packages. */
    static String labOf(String root, String pkg) {
        if (!pkg.startsWith(root + ".")) {
            return null;
        }
        String rest = pkg.substring(root.length() + 1);
        int dot = rest.indexOf('.');
        String first = dot < 0 ? rest : rest.substring(0, dot);
        return SHARED.contains(first) ? null : first;
    }

    @Test
    void theLabRuleHasTeeth() {
        JavaClasses fixture = new ClassFileImporter().importPackages("mbrllab.fixture.app");
        AssertionError error = assertThrows(AssertionError.class, () -> labsAreIndependent("mbrllab.fixture.app")
                .check(fixture));
        org.junit.jupiter.api.Assertions.assertTrue(error.getMessage().contains("AlphaLab")
                && !error.getMessage().contains("BetaLab.draw"), error.getMessage());
    }

    @Test
    void theRuleHasTeeth() {
        JavaClasses fixture = new ClassFileImporter().importPackages("mbrllab.core.fixture");
        assertThrows(AssertionError.class, () -> CORE_IS_PLAIN_JAVA.check(fixture));
    }
}

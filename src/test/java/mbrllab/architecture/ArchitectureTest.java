package mbrllab.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The core (mazes, Dyna-Q, experiments, later the models) is plain Java: it knows no pixels, no command
 * line and nothing of the app.
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

    @Test
    void theRuleHasTeeth() {
        JavaClasses fixture = new ClassFileImporter().importPackages("mbrllab.core.fixture");
        assertThrows(AssertionError.class, () -> CORE_IS_PLAIN_JAVA.check(fixture));
    }
}

package mbrllab.app;

import javafx.stage.Stage;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.framework.junit5.Start;

/**
 * Every lab in the window's first size (1280x800) with text 1.2, each tab and each folded section opened:
 * nothing past the window's edges, no text cut to "..." (at 1920x1080 the Dyna-maze's overlay "Planning update in
 * flight" was cut, which no test at 1024x768 saw).
 */
class DefaultWindowEdgesTest extends WindowEdgesFixture {

    DefaultWindowEdgesTest() {
        super(1280, 800);
    }

    @Start
    void start(Stage stage) {
        startShell(stage);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dyna-maze", "changing-mazes", "cart-pole", "models", "planning", "acceleration", "pilco"})
    void nothingLiesPastTheEdgesNorIsCut(String lab) throws Exception {
        // (text 1.2: the models lab's "Ensemble, TS-infinity" was cut to "Ensemble, ..." there)
        showLab(lab, 1.2, false);
        String when = lab + ", 1280x800, text 1.2";
        check(when);
        everyTab(shell.currentLab().view(), when, new java.util.HashSet<>());
        openEachFolded(when);
    }
}

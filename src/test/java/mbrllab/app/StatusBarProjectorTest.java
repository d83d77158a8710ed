package mbrllab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;

/**
 * The status bar's progress at 1024x768 with text 1.5: a long progress text (PILCO's, while it optimises a policy)
 * gives way instead of widening the window's content. It had kept its whole width: the status bar was 1,257 px wide
 * in the 1,024 px window, Cancel ended at 1,248 px, and the shell laid the lab and the toolbar out as wide (the lab's
 * side panel cut at the window's edge). A short one ("3 / 10 runs") stays whole.
 */
class StatusBarProjectorTest extends ProjectorSizeFixture {

    @Start
    void start(Stage stage) {
        startShell(stage);
    }

    @Test
    void aLongProgressTextGivesWayAndAShortOneStaysWhole() throws Exception {
        showLab("pilco", 1.5, false);
        for (String text : List.of("Trial 5 of 8: optimising the policy, evaluation 9 of 150, expected cost 14.54 "
                + "(best 14.54)", "3 / 10 runs")) {
            // updated as a live run updates it, a pulse apart (after the first text alone the bar was not widened)
            for (int i = 0; i < 4; i++) {
                String shown = text.replace(" 9 of", " " + (9 + i) + " of");
                readOnFx(() -> {
                    shell.statusBar().showProgress(0.4, shown, () -> { });
                    return null;
                });
                waitForLayoutPulse();
            }
            String last = text.replace(" 9 of", " 12 of");
            List<Double> edges = waitUntilAtRest(() -> readOnFx(() -> {
                Node cancel = shell.view().lookup("#cancelButton");
                javafx.scene.layout.Region bar = (javafx.scene.layout.Region) cancel.getParent();
                return List.of(shell.view().getWidth(), cancel.localToScene(cancel.getLayoutBounds()).getMaxX(),
                        shell.view().getScene().getWidth(), bar.getWidth(), bar.minWidth(-1));
            }), 300, "the status bar laid out");
            System.out.println("text 1.5, progress '" + text + "': content " + edges.get(0) + " px wide, Cancel ends at "
                    + edges.get(1) + ", window " + edges.get(2) + " (bar, its least: " + edges.subList(3, 5) + ")");
            assertTrue(edges.get(3) <= edges.get(2) + 0.5, "the status bar as wide as the window " + edges);
            assertTrue(edges.get(1) <= edges.get(2) + 0.5, "Cancel inside the window " + edges);
            if (text.length() < 20) {
                List<String> cut = readOnFx(() -> cutTexts(shell.view().lookup("#cancelButton").getParent()));
                assertEquals(List.of(), cut.stream().filter(c -> c.startsWith(last)).toList(), "the short text whole");
            }
            readOnFx(() -> {
                shell.statusBar().hideProgress();
                return null;
            });
        }
    }
}

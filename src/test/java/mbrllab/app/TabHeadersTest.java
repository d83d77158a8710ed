package mbrllab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;

/**
 * Tab headers keep their titles whole when a lab moves its tabs (presenter mode in and out). The acceleration lab
 * puts its tabs in another pane when its width changes: with text at 1.2 at 1024x768, leaving presenter mode left
 * the three headers 41 to 48 px wide for titles of 115 to 140 px (about 20 px in the app, their titles cut to a letter
 * or two) until presenter mode was toggled once more. With JavaFX's tab animations off (the style sheet) they take
 * their titles' width.
 */
class TabHeadersTest extends ProjectorSizeFixture {

    @Start
    void start(Stage stage) {
        startShell(stage);
    }

    @Test
    void theAccelerationLabsTabsKeepTheirTitlesThroughPresenterMode() throws Exception {
        showLab("acceleration", 1.2, false);
        for (boolean presenter : new boolean[] {true, false, true, false}) {
            readOnFx(() -> {
                shell.setPresenter(presenter);
                return null;
            });
            List<Header> headers = waitUntilAtRest(this::tabHeaders, 300, "the tabs are laid out");
            System.out.println("text 1.2, presenter " + presenter + ": tab headers " + headers);
            assertEquals(List.of(), headers.stream().filter(h -> h.width() < h.needed()).toList(),
                    "tab headers narrower than their titles");
        }
    }

    /** A shown tab header: its title, its width and its title's width (px), printed as "title width/needed". */
    private record Header(String title, long width, long needed) {
        @Override
        public String toString() {
            return title + " " + width + "/" + needed;
        }
    }

    private List<Header> tabHeaders() {
        return readOnFx(() -> {
            List<Header> out = new ArrayList<>();
            for (Node n : shell.view().lookupAll(".tab-pane")) {
                if (!(n instanceof TabPane pane) || !pane.isVisible() || pane.getScene() == null) {
                    continue;
                }
                for (Node tab : pane.lookupAll(".tab")) {
                    // this pane's own headers (tab pane > header area > headers region > tab), not a nested pane's
                    Node region = tab.getParent();
                    if (region == null || !region.getStyleClass().contains("headers-region")
                            || region.getParent() == null || region.getParent().getParent() != pane
                            || !tab.isVisible()) {
                        continue;
                    }
                    Label label = (Label) tab.lookup(".tab-label");
                    Text t = new Text(label.getText());
                    t.setFont(label.getFont());
                    out.add(new Header(label.getText(), Math.round(tab.getLayoutBounds().getWidth()),
                            Math.round(t.getLayoutBounds().getWidth())));
                }
            }
            return out;
        });
    }
}

package mbrllab.app.cartpole;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import mbrllab.app.ProjectorSizeFixture;

/**
 * The cart-pole lab outside presenter mode at 1024x768 with text 1.5 (issue 11): the three Dyna-Q carts get pictures a
 * class can read (at least 250 x 150 px; in a row they were 181 x 90 px and showed read-outs only), their read-outs
 * fit the picture's width, no label's text (measured with a {@link Text} in the label's font) is wider than the label,
 * and no pane runs into its neighbour or the chart.
 */
class CartPoleNormalModeTest extends ProjectorSizeFixture {

    @Start
    void start(Stage stage) {
        startShell(stage);
    }

    @Test
    void dynaPanesAreLargeAndNothingIsCut(FxRobot robot) throws Exception {
        CartPoleLab lab = openAt(1024, 768, 1.5);
        for (int i = 0; i < 40; i++) {
            WaitForAsyncUtils.asyncFx(() -> lab.model().step()).get(15, TimeUnit.SECONDS);
        }
        waitUntil(() -> WaitForAsyncUtils.asyncFx(() -> {
            for (int i = 0; i < 3; i++) {
                String text = ((Label) shell.view().lookup("#boxEntry" + i)).getText();
                if (!text.startsWith("box ") && !text.startsWith("failed")) {
                    return false;
                }
            }
            return true;
        }).get(15, TimeUnit.SECONDS), "the box entries are shown");

        List<List<Double>> sizes = waitUntilAtRest(this::paneSizes, 300, "the cart panes are laid out");
        List<String> shown = new ArrayList<>();
        for (List<Double> s : sizes) {
            shown.add(String.format(Locale.ROOT, "%.0f x %.0f", s.get(0), s.get(1)));
        }
        System.out.println("normal mode, 1024x768, text 1.5: cart panes " + shown + ", two over one "
                + WaitForAsyncUtils.asyncFx(lab::paneGridShown).get(15, TimeUnit.SECONDS));
        assertTrue(sizes.size() == 3, "three cart panes: " + shown);
        for (List<Double> s : sizes) {
            assertTrue(s.get(0) >= 250 && s.get(1) >= 150, "a cart pane is at least 250 x 150 px: " + shown);
        }

        assertCartsDrawnAndNothingCut(lab);
    }

    /** Each cart drawn with its read-outs whole, no label's text cut, no pane running into another or the chart. */
    private void assertCartsDrawnAndNothingCut(CartPoleLab lab) throws Exception {
        List<String> cut = waitUntilAtRest(() -> WaitForAsyncUtils.asyncFx(this::readoutsCut)
                .get(15, TimeUnit.SECONDS), 300, "the read-outs are drawn");
        assertTrue(cut.isEmpty(), "read-outs wider than their picture, or no room for the cart: " + cut);
        List<String> elided = waitUntilAtRest(() -> WaitForAsyncUtils.asyncFx(() -> elided(lab))
                .get(15, TimeUnit.SECONDS), 300, "the labels are laid out");
        assertTrue(elided.isEmpty(), "labels whose text does not fit: " + elided);
        List<String> overlaps = waitUntilAtRest(() -> WaitForAsyncUtils.asyncFx(this::overlaps)
                .get(15, TimeUnit.SECONDS), 300, "the panes are laid out");
        assertTrue(overlaps.isEmpty(), "panes running into each other or the chart: " + overlaps);
    }

    /**
     * At 1280x800 with text 1.0 the panes stand in a row over the chart, and their three-line box entries are shown
     * whole: the row is not cut by the chart under it.
     */
    @Test
    void rowOfPanesKeepsItsBoxEntriesWhole(FxRobot robot) throws Exception {
        CartPoleLab lab = openAt(1280, 800, 1.0);
        for (int i = 0; i < 300; i++) {
            WaitForAsyncUtils.asyncFx(() -> lab.model().step()).get(15, TimeUnit.SECONDS);
        }
        waitUntil(() -> WaitForAsyncUtils.asyncFx(() -> {
            for (int i = 0; i < 3; i++) {
                if (((Label) shell.view().lookup("#boxEntry" + i)).getText().lines().count() < 3) {
                    return false;
                }
            }
            return true;
        }).get(15, TimeUnit.SECONDS), "the box entries are shown");
        List<List<Double>> sizes = waitUntilAtRest(this::paneSizes, 300, "the cart panes are laid out");
        System.out.println("normal mode, 1280x800, text 1.0: cart panes " + sizes + ", two over one "
                + WaitForAsyncUtils.asyncFx(lab::paneGridShown).get(15, TimeUnit.SECONDS));
        assertTrue(!WaitForAsyncUtils.asyncFx(lab::paneGridShown).get(15, TimeUnit.SECONDS), "a row of panes");
        List<String> overlaps = waitUntilAtRest(() -> WaitForAsyncUtils.asyncFx(this::overlaps)
                .get(15, TimeUnit.SECONDS), 300, "the panes are laid out");
        assertTrue(overlaps.isEmpty(), "panes running into each other or the chart: " + overlaps);
        List<String> elided = waitUntilAtRest(() -> WaitForAsyncUtils.asyncFx(() -> elided(lab))
                .get(15, TimeUnit.SECONDS), 300, "the labels are laid out");
        assertTrue(elided.isEmpty(), "labels whose text does not fit: " + elided);
    }

    /**
     * A wide but short window, 1280x720 with text 1.5: a third of the width is enough for a row of panes, the height
     * is not. The row had left the carts read-outs only (no room for the cart between them and the title) and cut the
     * chart's note at the window's edge; the panes stand two over one, each cart drawn, nothing cut or overlapping.
     */
    @Test
    void aShortWindowKeepsTheCartsDrawn(FxRobot robot) throws Exception {
        CartPoleLab lab = openAt(1280, 720, 1.5);
        for (int i = 0; i < 40; i++) {
            WaitForAsyncUtils.asyncFx(() -> lab.model().step()).get(15, TimeUnit.SECONDS);
        }
        List<List<Double>> sizes = waitUntilAtRest(this::paneSizes, 300, "the cart panes are laid out");
        boolean grid = WaitForAsyncUtils.asyncFx(lab::paneGridShown).get(15, TimeUnit.SECONDS);
        System.out.println("normal mode, 1280x720, text 1.5: cart panes " + sizes + ", two over one " + grid);
        assertCartsDrawnAndNothingCut(lab);
        // what is under the chart ends inside the lab's area (the note was cut at the window's edge)
        double beyond = WaitForAsyncUtils.asyncFx(() -> {
            Node column = shell.view().lookup("#learningCurveChart").getParent();
            double most = Double.NEGATIVE_INFINITY;
            for (Node n : ((javafx.scene.Parent) column).getChildrenUnmodifiable()) {
                if (n.isVisible() && n.isManaged()) {
                    most = Math.max(most, n.localToScene(n.getLayoutBounds()).getMaxY());
                }
            }
            return most - column.getParent().localToScene(column.getParent().getLayoutBounds()).getMaxY();
        }).get(15, TimeUnit.SECONDS);
        assertTrue(beyond <= 0.5, "the chart's column ends inside its parent: " + beyond);
    }

    /**
     * The swing-up with the keyboard at 1024x768, text 1.5: the cart view stays between the lab list and the options
     * (its one-entry legend, "cost per episode (PILCO's saturating cost summed over its 40 steps)", made it at least
     * 711 px wide, pushing it 32 px under the lab list and cutting the options' texts) and its legend wraps.
     */
    @Test
    void swingUpViewStaysBetweenTheListAndTheOptions(FxRobot robot) throws Exception {
        CartPoleLab lab = openAt(1024, 768, 1.5);
        assertTrue(WaitForAsyncUtils.asyncFx(() -> shell.applyPresetFile("cartpole-swing-up.json"))
                .get(15, TimeUnit.SECONDS), "the preset opens");
        List<Double> edges = waitUntilAtRest(() -> WaitForAsyncUtils.asyncFx(() -> {
            Node view = lab.view();
            Node canvas = view.lookup("#cartCanvas");
            Node legend = view.lookup("#episodeChartLegend");
            Bounds area = view.localToScene(view.getLayoutBounds());
            Bounds c = canvas.localToScene(canvas.getLayoutBounds());
            Bounds l = legend.localToScene(legend.getLayoutBounds());
            return List.of(c.getMinX() - area.getMinX(), l.getMinX() - area.getMinX(), l.getWidth(),
                    legend.prefHeight(l.getWidth()), l.getHeight());
        }).get(15, TimeUnit.SECONDS), 300, "the swing-up view is laid out");
        System.out.println("normal mode, 1024x768, text 1.5, swing-up: cart view and legend start " + edges.get(0)
                + " and " + edges.get(1) + " px into the lab; legend " + edges.get(2) + " px wide, " + edges.get(4)
                + " px high");
        assertTrue(edges.get(0) >= 0 && edges.get(1) >= 0, "the view starts inside the lab: " + edges);
        assertTrue(edges.get(4) >= edges.get(3) - 0.5, "the legend has the height its wrapped text needs: " + edges);
        List<String> elided = waitUntilAtRest(() -> WaitForAsyncUtils.asyncFx(() -> elided(lab))
                .get(15, TimeUnit.SECONDS), 300, "the labels are laid out");
        assertTrue(elided.isEmpty(), "labels whose text does not fit: " + elided);
    }

    /** The window at {@code width} x {@code height}, text {@code scale}, normal mode, the cart-pole lab open. */
    private CartPoleLab openAt(int width, int height, double scale) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            javafx.stage.Window w = shell.view().getScene().getWindow();
            w.setWidth(width);
            w.setHeight(height);
        }).get(15, TimeUnit.SECONDS);
        showLab("cart-pole", scale, false);
        return WaitForAsyncUtils.asyncFx(() -> (CartPoleLab) shell.view().lookup("#cartPoleLab")
                .getProperties().get(CartPoleLab.class)).get(15, TimeUnit.SECONDS);
    }

    private List<List<Double>> paneSizes() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            List<List<Double>> out = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Node n = shell.view().lookup("#paneCanvas" + i);
                if (n instanceof CartCanvas c && c.getScene() != null && c.isVisible()) {
                    out.add(List.of(c.getWidth(), c.getHeight()));
                }
            }
            return out;
        }).get(15, TimeUnit.SECONDS);
    }

    /**
     * Each pane's read-out lines, as {@link CartRenderer#draw} chooses them, measured in its monospaced font against
     * the picture's width; and the room left for the cart between the header and the read-outs (the same arithmetic
     * as the renderer's: at least 50 px, where the pole is about half as long).
     */
    private List<String> readoutsCut() {
        List<String> bad = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            CartCanvas c = (CartCanvas) shell.view().lookup("#paneCanvas" + i);
            CartRenderer.Picture p = c.picture();
            if (p == null) {
                bad.add("pane " + i + ": nothing drawn");
                continue;
            }
            CartRenderer.Style style = c.style();
            double fs = style.fontSize();
            Text measure = new Text("0000000000");
            measure.setFont(Font.font(mbrllab.app.render.Fonts.MONO, fs));
            double mono = measure.getLayoutBounds().getWidth() / 10;
            double pad = Math.max(4, fs * 0.4);
            String[] lines = CartRenderer.readoutLines(p.state(), p.force(), style, c.getWidth(), mono);
            for (String line : lines) {
                measure.setText(line);
                double need = measure.getLayoutBounds().getWidth();
                if (need > c.getWidth() - 2 * pad + 0.5) {
                    bad.add(String.format(Locale.ROOT, "pane %d: '%s' needs %.1f px, has %.1f", i, line, need,
                            c.getWidth() - 2 * pad));
                }
            }
            double line = Math.ceil(fs * 1.3);
            double scene = c.getHeight() - (pad + line + 4) - (pad + lines.length * line + 4);
            if (scene < 50) {
                bad.add(String.format(Locale.ROOT, "pane %d: %.0f px left for the cart", i, scene));
            }
        }
        return bad;
    }

    /** The three pane columns and the chart's column must not overlap (a clipped row ran under the chart). */
    private List<String> overlaps() {
        List<Node> parts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            parts.add(shell.view().lookup("#paneCanvas" + i).getParent());
        }
        parts.add(shell.view().lookup("#learningCurveChart").getParent());
        List<String> bad = new ArrayList<>();
        for (int a = 0; a < parts.size(); a++) {
            Bounds ba = parts.get(a).localToScene(parts.get(a).getLayoutBounds());
            for (int b = a + 1; b < parts.size(); b++) {
                Bounds bb = parts.get(b).localToScene(parts.get(b).getLayoutBounds());
                double w = Math.min(ba.getMaxX(), bb.getMaxX()) - Math.max(ba.getMinX(), bb.getMinX());
                double h = Math.min(ba.getMaxY(), bb.getMaxY()) - Math.max(ba.getMinY(), bb.getMinY());
                if (w > 0.5 && h > 0.5) {
                    bad.add(a + " and " + b + ": " + ba + " / " + bb);
                }
            }
        }
        for (int i = 0; i < 3; i++) {
            Node box = shell.view().lookup("#boxEntry" + i);
            Bounds lb = box.localToScene(box.getLayoutBounds());
            // As tall as its lines (a wrapping label's height was shrunk by its column: the third line was cut).
            Label label = (Label) box;
            Text text = new Text(label.getText());
            text.setFont(label.getFont());
            Insets in = label.getInsets();
            double room = label.getHeight() - in.getTop() - in.getBottom() - label.getLabelPadding().getTop()
                    - label.getLabelPadding().getBottom();
            if (room < text.getLayoutBounds().getHeight() - 0.5) {
                bad.add(String.format(Locale.ROOT, "box entry %d: %.1f px for %.1f px of text", i, room,
                        text.getLayoutBounds().getHeight()));
            }
            // Inside every parent up to the lab (a split pane's item clips what runs past it).
            for (Node p = box.getParent(); p != null && p != shell.view(); p = p.getParent()) {
                Bounds cb = p.localToScene(p.getLayoutBounds());
                if (lb.getMaxY() > cb.getMaxY() + 0.5) {
                    bad.add(String.format(Locale.ROOT, "box entry %d ends at %.1f, below its %s (%.1f)", i,
                            lb.getMaxY(), p.getClass().getSimpleName(), cb.getMaxY()));
                    break;
                }
            }
        }
        return bad;
    }

    /** Labels of the lab on show whose text, line by line in the label's font, is wider than the label. */
    private static List<String> elided(CartPoleLab lab) {
        List<String> bad = new ArrayList<>();
        Text measure = new Text();
        for (Node n : lab.view().lookupAll(".label")) {
            if (!(n instanceof Label label) || label.getText() == null || label.getText().isBlank()
                    || label.getWidth() <= 0 || !shown(label)) {
                continue;
            }
            measure.setFont(label.getFont());
            Insets in = label.getInsets();
            Insets pad = label.getLabelPadding();
            double available = label.getWidth() - in.getLeft() - in.getRight() - pad.getLeft() - pad.getRight();
            if (label.getGraphic() != null && label.getGraphic().isManaged()) {
                available -= label.getGraphic().getLayoutBounds().getWidth() + label.getGraphicTextGap();
            }
            for (String line : label.getText().split("\n")) {
                measure.setText(line);
                double need = measure.getLayoutBounds().getWidth();
                if (!label.isWrapText() && need > available + 0.5) {
                    bad.add(String.format(Locale.ROOT, "'%s' needs %.1f px, has %.1f (%s)", line, need, available,
                            String.join(".", label.getStyleClass())));
                }
            }
        }
        return bad;
    }

    private static boolean shown(Node n) {
        if (n.getScene() == null) {
            return false;
        }
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }
}

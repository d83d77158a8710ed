package mbrllab.app.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.nio.file.Files;
import java.nio.file.Path;

import javafx.geometry.Point2D;
import javafx.scene.control.TextField;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import mbrllab.app.ShellFixture;

/** The Models lab through the window: clicks on the playground, the model toggle, sessions, the rollout view. */
class ModelsLabTest extends ShellFixture {

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        startShell(stage);
        shell.select("models");
    }

    private static JFreeChart chart(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(ChartViewer.class).getChart();
    }

    /** The series keyed {@code key} in any dataset of the chart, as (dataset, series index), or null. */
    private static Object[] series(JFreeChart chart, String key) {
        XYPlot plot = chart.getXYPlot();
        for (int d = 0; d < plot.getDatasetCount(); d++) {
            XYDataset data = plot.getDataset(d);
            if (data == null) {
                continue;
            }
            for (int s = 0; s < data.getSeriesCount(); s++) {
                if (key.equals(String.valueOf(data.getSeriesKey(s)))) {
                    return new Object[] {data, s};
                }
            }
        }
        return null;
    }

    /** Points in the playground chart (the fitted data: it changes when a refit has finished). */
    private static int points(FxRobot robot) {
        Object[] s = series(chart(robot, "#playgroundChart"), "data");
        return s == null ? -1 : ((XYDataset) s[0]).getItemCount((Integer) s[1]);
    }

    /** Half the width of a band (2 sigma) at the grid point nearest x, or NaN when the band is not drawn. */
    private static double halfWidth(JFreeChart chart, String key, double x) {
        Object[] s = series(chart, key);
        if (s == null) {
            return Double.NaN;
        }
        YIntervalSeriesCollection c = (YIntervalSeriesCollection) s[0];
        int series = (Integer) s[1];
        int best = 0;
        for (int i = 0; i < c.getItemCount(series); i++) {
            if (Math.abs(c.getXValue(series, i) - x) < Math.abs(c.getXValue(series, best) - x)) {
                best = i;
            }
        }
        return (c.getEndYValue(series, best) - c.getStartYValue(series, best)) / 2;
    }

    /** Where data point (x, y) is on the screen; call it on the FX thread. */
    private static Point2D onScreen(FxRobot robot, double x, double y) {
        ChartViewer viewer = robot.lookup("#playgroundChart").queryAs(ChartViewer.class);
        Rectangle2D area = viewer.getRenderingInfo().getPlotInfo().getDataArea();
        XYPlot plot = viewer.getChart().getXYPlot();
        double px = plot.getDomainAxis().valueToJava2D(x, area, plot.getDomainAxisEdge());
        double py = plot.getRangeAxis().valueToJava2D(y, area, plot.getRangeAxisEdge());
        return viewer.localToScreen(px, py);
    }

    @Test
    void clickingAddsAPointWhereTheBandThenNarrowsAndRightClickRemovesIt(FxRobot robot) throws Exception {
        clickOnFx(robot, "#showGpToggle");
        waitUntil(() -> readOnFx(() -> points(robot) == 100 && !Double.isNaN(gp(robot, 4.2))
                && Double.isNaN(halfWidth(chart(robot, "#playgroundChart"), "Ensemble epistemic", 0))),
                "the GP alone fitted to the 100 points");
        double before = readOnFx(() -> gp(robot, 4.2));
        clickAtFx(robot, () -> onScreen(robot, 4.2, 0.8));
        waitUntil(() -> readOnFx(() -> points(robot) == 101), "the refit with the new point");
        double after = readOnFx(() -> gp(robot, 4.2));
        assertTrue(after < 0.6 * before, "the epistemic band near the new point narrows: " + before + " -> " + after);
        double far = readOnFx(() -> gp(robot, -4.8));
        assertTrue(far > 2 * after, "and stays wide away from the data: " + far + " vs " + after);

        clickAtFx(robot, () -> onScreen(robot, 4.2, 0.8), MouseButton.SECONDARY);
        waitUntil(() -> readOnFx(() -> points(robot) == 100), "the refit without the point");
        assertEquals(before, readOnFx(() -> gp(robot, 4.2)), 1e-9, "the same points and seed give the same fit");
    }

    /** Half the GP's epistemic band at x in the playground chart; NaN when it is not drawn. */
    private static double gp(FxRobot robot, double x) {
        return halfWidth(chart(robot, "#playgroundChart"), "GP epistemic", x);
    }

    @Test
    void theToggleSwitchesModels(FxRobot robot) {
        // The chart is read on the FX thread, where it is rebuilt in one go: read from the test thread, a half-built
        // chart (the bands in, the members' curves not yet) once failed the members' check on a loaded machine.
        JFreeChart main = chart(robot, "#playgroundChart");
        clickOnFx(robot, "#showEnsembleToggle");
        waitUntil(() -> readOnFx(() -> !Double.isNaN(halfWidth(main, "Ensemble epistemic", 0))
                && Double.isNaN(halfWidth(main, "GP epistemic", 0))), "only the ensemble is drawn");
        assertNotNull(readOnFx(() -> series(main, "Ensemble member 5")), "the members' curves");
        assertTrue(readOnFx(() -> series(main, "GP mean") == null));
        clickOnFx(robot, "#showGpToggle");
        waitUntil(() -> readOnFx(() -> Double.isNaN(halfWidth(main, "Ensemble epistemic", 0))
                && !Double.isNaN(halfWidth(main, "GP epistemic", 0))), "only the GP is drawn");
        clickOnFx(robot, "#showBothToggle");
        waitUntil(() -> readOnFx(() -> !Double.isNaN(halfWidth(main, "Ensemble total", 0))
                && !Double.isNaN(halfWidth(main, "GP total", 0))), "both are drawn");
        assertTrue(readOnFx(() -> halfWidth(main, "GP total", 0) > halfWidth(main, "GP epistemic", 0)),
                "the total band holds the epistemic one");

        // the noise's two kinds are radio buttons (their text wraps at 1024x768, text 1.5): heteroscedastic noise
        // grows to the right, and the sigma chart's true noise with it
        JFreeChart sigma = chart(robot, "#sigmaChart");
        clickOnFx(robot, "#heteroscedasticToggle");
        waitUntil(() -> readOnFx(() -> trueNoise(sigma, 1) > trueNoise(sigma, 0) * 1.5),
                "the true noise grows to the right");
        clickOnFx(robot, "#homoscedasticToggle");
        waitUntil(() -> readOnFx(() -> Math.abs(trueNoise(sigma, 1) - trueNoise(sigma, 0)) < 1e-12),
                "the same noise everywhere");
    }

    /**
     * The bands' legend swatches show the bands as drawn, in both themes: the outer band (epistemic + aleatoric) at
     * its opacity, the inner one over it. In high contrast the outer swatch had a fixed 0.22 where the band has 0.6,
     * and read as black on black.
     */
    @Test
    void theBandsSwatchesLookLikeTheBands(FxRobot robot) throws Exception {
        JFreeChart main = chart(robot, "#playgroundChart");
        for (boolean on : new boolean[] {true, false}) {
            readOnFx(() -> {
                shell.setHighContrast(on);
                return null;
            });
            waitUntil(() -> readOnFx(() -> !Double.isNaN(halfWidth(main, "GP total", 0))
                    && !Double.isNaN(halfWidth(main, "GP epistemic", 0))), "the GP's two bands");
            double[] seen = readOnFx(() -> {
                XYPlot plot = main.getXYPlot();
                double outer = bandAlpha(plot, "GP total");
                double inner = bandAlpha(plot, "GP epistemic");
                double outerSwatch = swatchAlpha(plot, "GP \u00b12\u03c3 epistemic + aleatoric");
                double innerSwatch = swatchAlpha(plot, "GP \u00b12\u03c3 epistemic");
                return new double[] {outer, inner, outerSwatch, innerSwatch};
            });
            assertEquals(seen[0], seen[2], 1 / 255.0, "the outer band's swatch, high contrast " + on);
            assertEquals(1 - (1 - seen[0]) * (1 - seen[1]), seen[3], 1 / 255.0,
                    "the inner band's swatch (over the outer), high contrast " + on);
        }
    }

    private static double bandAlpha(XYPlot plot, String key) {
        for (int d = 0; d < plot.getDatasetCount(); d++) {
            XYDataset data = plot.getDataset(d);
            if (data != null && data.getSeriesCount() > 0 && key.equals(String.valueOf(data.getSeriesKey(0)))) {
                return ((org.jfree.chart.renderer.xy.DeviationRenderer) plot.getRenderer(d)).getAlpha();
            }
        }
        throw new AssertionError("no band " + key);
    }

    private static double swatchAlpha(XYPlot plot, String label) {
        for (int i = 0; i < plot.getLegendItems().getItemCount(); i++) {
            org.jfree.chart.LegendItem item = plot.getLegendItems().get(i);
            if (label.equals(item.getLabel())) {
                return ((java.awt.Color) item.getFillPaint()).getAlpha() / 255.0;
            }
        }
        throw new AssertionError("no legend item " + label);
    }

    /** The true noise sigma of the sigma chart at its first (0) or last (1) input. */
    private static double trueNoise(JFreeChart chart, int end) {
        Object[] found = series(chart, "true noise sigma");
        if (found == null) {
            return Double.NaN;
        }
        XYDataset data = (XYDataset) found[0];
        int s = (int) found[1];
        return data.getYValue(s, end == 0 ? 0 : data.getItemCount(s) - 1);
    }

    @Test
    void aBadSessionFieldIsRefusedAndChangesNothing(FxRobot robot) throws Exception {
        answer = dir.resolve("bad.json");
        Files.writeString(answer, """
                {"format": "mbrl-lab-session", "version": 1, "lab": "models",
                 "settings": {"seed": 3, "playground": {"function": "step", "noiseLevel": 5}}}
                """);
        clickMenuFx(robot, "File", "#openSessionItem");
        waitUntil(() -> shell.lastError() != null, "the error");
        assertTrue(shell.lastError().contains("\"playground.noiseLevel\" must be a number in 0..2, got 5"),
                shell.lastError());
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        assertEquals("0.2", robot.lookup("#noiseLevelField").queryAs(TextField.class).getText());
        assertEquals("1", robot.lookup("#seedField").queryAs(TextField.class).getText());

        answer = dir.resolve("good.json");
        Files.writeString(answer, """
                {"format": "mbrl-lab-session", "version": 1, "lab": "models",
                 "settings": {"seed": 3, "playground": {"function": "step", "noiseLevel": 0.5, "model": "gp",
                   "data": [[-1, -1], [1, 1]]}}}
                """);
        clickMenuFx(robot, "File", "#openSessionItem");
        waitUntil(() -> readOnFx(() -> points(robot) == 2), "the session's two points fitted");
        assertEquals("0.5", robot.lookup("#noiseLevelField").queryAs(TextField.class).getText());
        assertEquals("3", robot.lookup("#seedField").queryAs(TextField.class).getText());
        answer = dir.resolve("saved.json");
        clickMenuFx(robot, "File", "#saveSessionItem");
        waitUntil(() -> Files.exists(answer), "the session written");
        String json = Files.readString(answer);
        assertTrue(json.contains("\"lab\" : \"models\""), json);
        assertTrue(json.contains("\"function\" : \"step\""), json);
        assertTrue(json.contains("\"model\" : \"gp\""), json);
    }

    /**
     * The rollout view on a small setting (GP only: 3 episodes, 12 steps ahead, 2 held-out starts): moment matching's
     * band around theta widens with k; the ghost poles, the compounding error and the exports are there.
     */
    @Test
    void theRolloutViewShowsBandsThatWidenWithK(FxRobot robot) throws Exception {
        answer = dir.resolve("small.json");
        Files.writeString(answer, """
                {"format": "mbrl-lab-session", "version": 1, "lab": "models",
                 "settings": {"seed": 2, "tab": "cartpole", "cartpole": {"model": "gp", "episodes": 3, "horizon": 12,
                   "windows": 2, "particles": 20, "shown": ["moment-matching", "gp-ts1"]}}}
                """);
        clickMenuFx(robot, "File", "#openSessionItem");
        JFreeChart theta = chart(robot, "#multiStepChart2");
        waitUntil(() -> series(theta, "GP, particles (TS1): mean +-2 sigma (95%)") != null
                && chart(robot, "#rmseChart").getXYPlot().getDataset().getSeriesCount() == 2, "both rollouts drawn");
        WaitForAsyncUtils.waitForFxEvents();
        Object[] s = series(theta, "GP, moment matching: mean +-2 sigma (95%)");
        YIntervalSeriesCollection band = (YIntervalSeriesCollection) s[0];
        int series = (Integer) s[1];
        assertEquals(13, band.getItemCount(series), "k = 0..12");
        double w1 = band.getEndYValue(series, 1) - band.getStartYValue(series, 1);
        double w6 = band.getEndYValue(series, 6) - band.getStartYValue(series, 6);
        double w12 = band.getEndYValue(series, 12) - band.getStartYValue(series, 12);
        assertTrue(w1 < w6 && w6 < w12 && w12 > 5 * w1, "the band widens with k: " + w1 + ", " + w6 + ", " + w12);
        assertNotNull(series(theta, "true trajectory"));
        GhostCanvas ghosts = robot.lookup("#ghostCanvas").queryAs(GhostCanvas.class);
        assertTrue(ghosts.frame() != null && ghosts.frame().ghosts().length > 0, "ghost poles drawn");
        waitUntil(() -> !shell.currentLab().computing().get(), "the lab's computation done (screenshots wait for it)");

        // What is shown follows the Show choices at once, from what is computed (no refit).
        clickOnFx(robot, "#show-gp-ts1");
        waitUntil(() -> series(theta, "GP, particles (TS1): mean +-2 sigma (95%)") == null
                && chart(robot, "#rmseChart").getXYPlot().getDataset().getSeriesCount() == 1, "GP particles hidden");
        Object[] truth = series(theta, "true trajectory");
        double first = ((XYDataset) truth[0]).getYValue((Integer) truth[1], 0);
        robot.interact(() -> robot.lookup("#startBox").queryComboBox().getSelectionModel().select(Integer.valueOf(2)));
        waitUntil(() -> {
            Object[] t = series(theta, "true trajectory");
            return t != null && ((XYDataset) t[0]).getYValue((Integer) t[1], 0) != first;
        }, "the second held-out start's truth is drawn");
        assertFalse(shell.currentLab().computing().get(), "no refit");
        clickOnFx(robot, "#show-gp-ts1");
        waitUntil(() -> series(theta, "GP, particles (TS1): mean +-2 sigma (95%)") != null, "GP particles back");

        answer = dir.resolve("export");
        clickMenuFx(robot, "File", "#exportAllItem");
        waitUntil(() -> Files.exists(answer.resolve("parity-theta_dot.csv")), "files written");
        for (String name : new String[] {"playground", "playground-sigma", "multistep-theta", "ghost-poles",
            "compounding-error", "parity-x"}) {
            assertNotNull(javax.imageio.ImageIO.read(answer.resolve(name + ".png").toFile()), name + ".png");
            assertTrue(Files.readString(answer.resolve(name + ".svg")).contains("</svg>"), name + ".svg");
            assertFalse(Files.readString(answer.resolve(name + ".csv")).isBlank(), name + ".csv");
        }
        String curves = Files.readString(answer.resolve("compounding-error.csv"));
        assertTrue(curves.startsWith("method,k,rmse,nll\n\"GP, moment matching\",1,"), curves);
    }
}

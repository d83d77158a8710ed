package mbrllab.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.stage.Stage;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import mbrllab.charts.Palette;

/**
 * High contrast reaches every chart of every lab: each chart and plot is drawn on black (the Planning, Acceleration
 * and PILCO labs, added after the theme, kept white charts and the acceleration panes' titles in the palette's dark
 * blue, 4.1:1 on black), and it goes back to white when the theme is off.
 */
class HighContrastChartsTest extends ShellFixture {

    private static final List<String> LABS = List.of("dyna-maze", "changing-mazes", "cart-pole", "models", "planning",
            "acceleration", "pilco");

    @Start
    void start(Stage stage) {
        startShell(stage);
    }

    @Test
    void everyLabsChartsFollowTheTheme(FxRobot robot) throws Exception {
        for (String lab : LABS) {
            for (boolean on : new boolean[] {true, false}) {
                WaitForAsyncUtils.asyncFx(() -> {
                    shell.setHighContrast(on);
                    shell.select(lab);
                }).get(15, TimeUnit.SECONDS);
                waitUntil(() -> lab.equals(shell.currentLabId()), "the lab " + lab + " is open");
                List<String> wrong = readOnFx(() -> wrongBackgrounds(shell.view(), on ? Color.BLACK : Color.WHITE));
                assertTrue(wrong.isEmpty(), lab + (on ? " in" : " out of") + " high contrast: " + wrong);
            }
        }
        WaitForAsyncUtils.asyncFx(() -> {
            shell.setHighContrast(true);
            shell.select("acceleration");
        }).get(15, TimeUnit.SECONDS);
        waitUntil(() -> "acceleration".equals(shell.currentLabId()), "the acceleration lab is open");
        for (int i = 0; i < 3; i++) {
            String id = "#paneTitle" + i;
            waitUntil(() -> robot.lookup(id).tryQuery().isPresent(), "pane " + (i + 1) + "'s title");
            String style = robot.lookup(id).query().getStyle();
            assertTrue(style.contains(Palette.categoricalHex(i, true)), "pane " + (i + 1) + "'s title in the colour "
                    + "for black: " + style);
        }
    }

    /** The charts (and their plots) under {@code root} whose background is not {@code wanted}, by id. */
    private static List<String> wrongBackgrounds(Node root, Color wanted) {
        List<String> wrong = new ArrayList<>();
        int charts = 0;
        for (Node n : root.lookupAll("*")) {
            if (!(n instanceof ChartViewer viewer) || viewer.getChart() == null) {
                continue;
            }
            charts++;
            JFreeChart chart = viewer.getChart();
            String id = viewer.getId() == null ? "a chart" : viewer.getId();
            if (!wanted.equals(chart.getBackgroundPaint())) {
                wrong.add(id + " " + chart.getBackgroundPaint());
            }
            List<Plot> plots = new ArrayList<>(List.of(chart.getPlot()));
            if (chart.getPlot() instanceof CombinedDomainXYPlot combined) {
                plots.addAll(combined.getSubplots());
            }
            for (Plot p : plots) {
                if (!(p instanceof CombinedDomainXYPlot) && p instanceof XYPlot
                        && !wanted.equals(p.getBackgroundPaint())) {
                    wrong.add(id + "'s plot " + p.getBackgroundPaint());
                }
            }
        }
        if (charts == 0) {
            wrong.add("no chart found");
        }
        return wrong;
    }
}

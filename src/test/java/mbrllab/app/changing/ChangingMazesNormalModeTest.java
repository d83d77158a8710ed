package mbrllab.app.changing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import mbrllab.app.ProjectorSizeFixture;
import mbrllab.app.maze.MazeCanvas;

/**
 * The changing-mazes lab outside presenter mode at 1024x768 with text 1.5: the change notice takes one line (whole it
 * took five and left the mazes cells of about 10 px), shows a start of the whole notice, and its tooltip holds the
 * whole. The cumulative-reward chart keeps a plot that can be read (it had 75 px, its axis label and notes cut), the
 * numbers under it folded into its tooltip; the mazes keep the rest. With prioritized sweeping's third pane the
 * queue, which left every pane a cell of 137 px ("Prior." over "ep. 134 · 3 r 133 ·", a table of "(1, ..."), is a
 * tab beside the chart's, and every text over the mazes is whole.
 */
class ChangingMazesNormalModeTest extends ProjectorSizeFixture {

    @Start
    void start(Stage stage) {
        startShell(stage);
    }

    @Test
    void theNoticeLeavesTheMazesTheirRoom(FxRobot robot) throws Exception {
        showLab("changing-mazes", 1.5, false);
        List<Double> cells = waitUntilAtRest(() -> readOnFx(this::shownCells), 300, "the mazes are laid out");
        Label notice = (Label) shell.view().lookup("#changeNotice");
        double[] lines = WaitForAsyncUtils.asyncFx(() -> {
            Text one = new Text("X");
            one.setFont(notice.getFont());
            double room = notice.getHeight() - notice.snappedTopInset() - notice.snappedBottomInset();
            return new double[] {room / one.getLayoutBounds().getHeight()};
        }).get(15, TimeUnit.SECONDS);
        double plot = WaitForAsyncUtils.asyncFx(() -> {
            org.jfree.chart.fx.ChartViewer viewer = (org.jfree.chart.fx.ChartViewer) shell.view()
                    .lookup("#cumulativeRewardChart");
            return viewer.getCanvas().getRenderingInfo().getPlotInfo().getDataArea().getHeight();
        }).get(15, TimeUnit.SECONDS);
        boolean summaryFolded = WaitForAsyncUtils.asyncFx(() -> {
            Node summary = shell.view().lookup("#rewardSummary");
            return !summary.isVisible() && !summary.isManaged();
        }).get(15, TimeUnit.SECONDS);
        String full = notice.getTooltip().getText();
        String shown = notice.getText();
        System.out.println("normal mode, 1024x768, text 1.5: changing-mazes cells " + cells + ", notice "
                + String.format(java.util.Locale.ROOT, "%.2f", lines[0]) + " lines: " + shown + ", chart plot "
                + String.format(java.util.Locale.ROOT, "%.0f", plot) + " px high");
        assertEquals(2, cells.size(), "Dyna-Q and Dyna-Q+: " + cells);
        assertTrue(lines[0] < 1.5, "the notice takes one line: " + lines[0]);
        assertTrue(plot >= 140, "the chart's plot is at least 140 px high: " + plot);
        assertTrue(summaryFolded, "the numbers under the chart are folded into its tooltip");
        assertTrue(shown.length() < full.length() && full.startsWith(shown.replace(" …", "").replaceAll("\\.$", "")),
                "a start of the notice: '" + shown + "' of '" + full + "'");
        // 18 px at the chart's minimum height (150 px at text 1: 225 px here), the Q legend in its compact form beside
        // "Show tau"; the cells had 21 px when the chart's plot had 75.
        for (double c : cells) {
            assertTrue(c >= 17, "a maze cell is at least 17 px: " + cells);
        }
    }

    @Test
    void withPrioritizedSweepingTheQueueIsATabAndThePanesAreWhole(FxRobot robot) throws Exception {
        showLab("changing-mazes", 1.5, false);
        clickOnFx(robot, "#sweepingCheck");
        List<Double> cells = waitUntilAtRest(() -> readOnFx(this::shownCells), 300, "three panes laid out");
        List<String> cut = readOnFx(() -> cutTexts(shell.view().lookup("#changeNotice").getParent()));
        TabPane chartTabs = readOnFx(() -> (TabPane) shell.view().lookup("#chartTabs"));
        boolean queueInTab = readOnFx(() -> chartTabs != null && chartTabs.getScene() != null
                && chartTabs.getTabs().get(1).getContent() == shell.view().lookup("#queueTable").getParent());
        System.out.println("normal mode, 1024x768, text 1.5, prioritized sweeping: cells " + cells
                + ", queue in a tab " + queueInTab + ", cut texts " + cut);
        assertEquals(3, cells.size(), "three mazes: " + cells);
        assertTrue(queueInTab, "the queue is a tab beside the chart");
        assertEquals(List.of(), cut, "the titles, counters and legend over the chart are whole");
        // 17, 17 and 12 px (the third under a two-line title); with the queue in the row they had about 10
        assertTrue(cells.get(0) >= 16 && cells.get(1) >= 16 && cells.get(2) >= 11, "maze cells: " + cells);
        clickOnFx(robot, readOnFx(() -> chartTabs.lookupAll(".tab").stream()
                .filter(t -> t.lookupAll(".tab-label").stream()
                        .anyMatch(l -> l instanceof Labeled lab && "Queue".equals(lab.getText())))
                .findFirst().orElseThrow()));
        List<Double> table = waitUntilAtRest(() -> readOnFx(() -> {
            Node t = shell.view().lookup("#queueTable");
            return List.of(t.isVisible() && t.getScene() != null ? t.getLayoutBounds().getWidth() : 0,
                    t.getLayoutBounds().getHeight());
        }), 300, "the queue's tab shown");
        assertEquals(1, (int) readOnFx(() -> chartTabs.getSelectionModel().getSelectedIndex()),
                "the queue's tab is selected");
        assertTrue(table.get(0) >= QUEUE_TABLE_WIDTH && table.get(1) >= 100, "the queue's table has room: " + table);

        showLab("changing-mazes", 1.5, true);
        boolean inGrid = waitUntilAtRest(() -> readOnFx(() -> {
            Node box = shell.view().lookup("#queueTable").getParent();
            return box.getParent() != null && box.getParent().getStyleClass().contains("pane-grid");
        }), 300, "presenter mode laid out");
        assertTrue(inGrid, "in presenter mode the queue is a cell beside the mazes again");
        // In high contrast too the panes go two over two, the queue's table in a cell as wide as it needs (a row of
        // four gave it 155 of its 225 px, over the prioritized-sweeping pane beside it).
        // With the counters of a long run ("reward 106 · 122,247 updates"), as in the preset after a few seconds.
        readOnFx(() -> {
            shell.setHighContrast(true);
            return null;
        });
        playAtFullSpeed(robot);
        waitUntil(() -> readOnFx(() -> {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("([\\d,]+) upd")
                    .matcher(((Label) shell.view().lookup("#changingStats0")).getText());
            return m.find() && Long.parseLong(m.group(1).replace(",", "")) >= 20_000;
        }), "20,000 updates played");
        clickOnFx(robot, "#playButton");
        List<Double> grid = waitUntilAtRest(() -> readOnFx(() -> {
            Node box = shell.view().lookup("#queueTable").getParent();
            mbrllab.app.maze.PaneGrid paneGrid = (mbrllab.app.maze.PaneGrid) box.getParent();
            return List.of((double) paneGrid.columns(), box.getLayoutBounds().getWidth(), box.minWidth(-1));
        }), 300, "high contrast laid out");
        readOnFx(() -> {
            shell.setHighContrast(false);
            return null;
        });
        System.out.println("presenter mode, high contrast, 1024x768, text 1.5, prioritized sweeping: columns, queue "
                + "width, its least width " + grid);
        assertEquals(2.0, grid.get(0), "two over two: " + grid);
        assertTrue(grid.get(1) >= grid.get(2), "the queue as wide as it needs: " + grid);
        // The chart beside the panes is narrow (a plot of about 190 px): the legend goes under it, and the change's
        // label is whole on one side of the dashed line ("Prioritized sweep" and "maze chan" were cut).
        String chartTexts = waitUntilAtRest(() -> readOnFx(() -> {
            org.jfree.chart.fx.ChartViewer viewer = (org.jfree.chart.fx.ChartViewer) shell.view()
                    .lookup("#cumulativeRewardChart");
            org.jfree.chart.JFreeChart chart = viewer.getChart();
            org.jfree.chart.plot.XYPlot plot = chart.getXYPlot();
            java.awt.geom.Rectangle2D area = viewer.getCanvas().getRenderingInfo().getPlotInfo().getDataArea();
            org.jfree.chart.plot.ValueMarker marker = (org.jfree.chart.plot.ValueMarker) plot
                    .getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND).iterator().next();
            double x = plot.getDomainAxis().valueToJava2D(marker.getValue(), area, plot.getDomainAxisEdge());
            double label = mbrllab.charts.AxisLabels.width(marker.getLabel(), marker.getLabelFont());
            boolean right = marker.getLabelAnchor() == org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT;
            double room = right ? area.getMaxX() - x : x - area.getMinX();
            return String.format(java.util.Locale.ROOT, "plot %.0f px wide, legend %s, label '%s' %s of the line, "
                    + "%.0f of %.0f px", area.getWidth(), chart.getLegend() != null ? "under the plot" : "inside",
                    marker.getLabel(), right ? "right" : "left", label, room);
        }), 300, "the chart drawn in presenter mode");
        System.out.println("presenter mode, 1024x768, text 1.5, prioritized sweeping: " + chartTexts);
        assertTrue(chartTexts.contains("legend under the plot"), chartTexts);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+) of (\\d+) px").matcher(chartTexts);
        assertTrue(m.find() && Double.parseDouble(m.group(1)) < Double.parseDouble(m.group(2)), chartTexts);
    }

    /**
     * The shortcut maze with prioritized sweeping (preset "shortcut-maze-tau") outside presenter mode: once the
     * background runs' means are in, the legend inside the plot hides no curve: next to every point of the mean curves
     * that lies under an item of the legend as drawn, a pixel has a line's colour (in front of the curves, in the upper
     * left, the legend hid them from the change at step 3,000 to about 3,800).
     */
    @Test
    void theLegendHidesNoCurve(FxRobot robot) throws Exception {
        showLab("changing-mazes", 1.5, false);
        clickMenuFx(robot, "Presets", "#preset-shortcut-maze-tau");
        org.jfree.chart.fx.ChartViewer viewer = readOnFx(() -> (org.jfree.chart.fx.ChartViewer) shell.view()
                .lookup("#cumulativeRewardChart"));
        waitUntil(() -> readOnFx(() -> {
            org.jfree.data.xy.XYDataset means = viewer.getChart().getXYPlot().getDataset(0);
            return means.getSeriesCount() == 3 && means.getItemCount(2) > 0
                    && means.getXValue(2, means.getItemCount(2) - 1) >= 6000;
        }), "the background runs' means up to step 6,000");
        if ("Pause".equals(readOnFx(() -> ((javafx.scene.control.Button) shell.view().getScene()
                .lookup("#playButton")).getText()))) {
            clickOnFx(robot, "#playButton");
        }
        String hidden = waitUntilAtRest(() -> readOnFx(() -> curvesHiddenByLegend(viewer)), 300,
                "the chart drawn with its means");
        System.out.println("normal mode, 1024x768, text 1.5, shortcut maze with prioritized sweeping, curves hidden "
                + "by the legend: " + hidden);
        assertTrue(hidden.startsWith("none of "), hidden);
    }

    /**
     * The chart drawn as an image: the first point of a mean curve (dataset 0, drawn over every band; the animated
     * runs' thin lines may lie under a translucent band, their pixels there blends) under an item of the legend with no
     * pixel beside it in a line's colour, or "none of N points under the legend".
     */
    private static String curvesHiddenByLegend(org.jfree.chart.fx.ChartViewer viewer) {
        org.jfree.chart.JFreeChart chart = viewer.getChart();
        org.jfree.chart.plot.XYPlot plot = chart.getXYPlot();
        org.jfree.chart.ChartRenderingInfo info = new org.jfree.chart.ChartRenderingInfo();
        java.awt.image.BufferedImage drawn = chart.createBufferedImage((int) viewer.getCanvas().getWidth(),
                (int) viewer.getCanvas().getHeight(), info);
        java.awt.geom.Rectangle2D area = info.getPlotInfo().getDataArea();
        List<java.awt.geom.Rectangle2D> items = new ArrayList<>();
        for (Object e : info.getEntityCollection().getEntities()) {
            if (e instanceof org.jfree.chart.entity.LegendItemEntity item) {
                items.add(item.getArea().getBounds2D());
            }
        }
        if (items.size() != 3) {
            return items.size() + " legend items drawn";
        }
        List<java.awt.Color> paints = new ArrayList<>();
        for (int d = 0; d < plot.getDatasetCount(); d++) {
            for (int series = 0; plot.getDataset(d) != null && series < plot.getDataset(d).getSeriesCount();
                    series++) {
                paints.add((java.awt.Color) plot.getRenderer(d).getSeriesPaint(series));
            }
        }
        org.jfree.data.xy.XYDataset means = plot.getDataset(0);
        int under = 0;
        for (int series = 0; series < means.getSeriesCount(); series++) {
            for (int i = 0; i < means.getItemCount(series); i++) {
                int x = (int) Math.round(plot.getDomainAxis().valueToJava2D(means.getXValue(series, i), area,
                        plot.getDomainAxisEdge()));
                int y = (int) Math.round(plot.getRangeAxis().valueToJava2D(means.getYValue(series, i), area,
                        plot.getRangeAxisEdge()));
                if (items.stream().noneMatch(b -> b.contains(x, y))) {
                    continue;
                }
                under++;
                // the line drawn over the legend: a pixel next to the point in a line's colour (its own, or another
                // curve's drawn over it; the translucent bands let the legend's text show through)
                int least = nearestLineColour(drawn, x, y, paints);
                if (least > 90) {
                    return "series " + series + " point (" + means.getXValue(series, i) + ", "
                            + means.getYValue(series, i) + ") at (" + x + ", " + y + "): every pixel around it "
                            + "differs from every line's colour by " + least + " or more";
                }
            }
        }
        return "none of " + under + " points under the legend";
    }

    /** The least colour distance (sum over red, green, blue) of the 3 x 3 pixels around (x, y) to any of paints. */
    private static int nearestLineColour(java.awt.image.BufferedImage image, int x, int y,
                                         List<java.awt.Color> paints) {
        int least = Integer.MAX_VALUE;
        for (int dx = -1; dx <= 1; dx++) {
            for (int dy = -1; dy <= 1; dy++) {
                java.awt.Color a = new java.awt.Color(image.getRGB(x + dx, y + dy));
                for (java.awt.Color paint : paints) {
                    least = Math.min(least, Math.abs(a.getRed() - paint.getRed())
                            + Math.abs(a.getGreen() - paint.getGreen()) + Math.abs(a.getBlue() - paint.getBlue()));
                }
            }
        }
        return least;
    }

    /** The least width of the queue's table in its tab at text 1.5. */
    private static final double QUEUE_TABLE_WIDTH = 200;

    /** The cell sizes of the maze panes on show. */
    private List<Double> shownCells() {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Node n = shell.view().lookup("#changingCanvas" + i);
            if (n instanceof MazeCanvas c && c.getScene() != null && c.isVisible()) {
                out.add(c.cellSize());
            }
        }
        return out;
    }
}

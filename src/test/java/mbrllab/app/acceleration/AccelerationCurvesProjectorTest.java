package mbrllab.app.acceleration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

import org.jfree.chart.LegendItem;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import mbrllab.app.ProjectorSizeFixture;
import mbrllab.charts.Palette;
import mbrllab.core.acceleration.AccelerationSetting;
import mbrllab.core.acceleration.FirstPush;
import mbrllab.core.acceleration.ModelChoice;

/**
 * The learning curves at 1024x768 with text 1.5, outside presenter mode, once the background runs are in: the
 * steps-to-195 text under the chart folds into its tooltip instead of squeezing the plot (it had left 40 px of plot
 * and cut the axis label), and each band has its pane's colour and number (the bands had JFreeChart's own red, blue
 * and green beside panes drawn blue, vermillion and green).
 */
class AccelerationCurvesProjectorTest extends ProjectorSizeFixture {

    @Start
    void start(Stage stage) {
        startShell(stage);
    }

    /**
     * The lab's tabs as shown: their titles, how far the last header reaches past the tab pane's right edge (px), and
     * whether the tab menu's button is shown. FX thread.
     */
    private static List<Object> tabsShown(AccelerationLab lab) {
        TabPane pane = lab.curvesTab().getTabPane();
        Bounds area = pane.localToScene(pane.getLayoutBounds());
        double beyond = Double.NEGATIVE_INFINITY;
        for (Node header : pane.lookupAll(".tab")) {
            beyond = Math.max(beyond, header.localToScene(header.getLayoutBounds()).getMaxX() - area.getMaxX());
        }
        Node menu = pane.lookup(".control-buttons-tab");
        return List.<Object>of(pane.getTabs().stream().map(javafx.scene.control.Tab::getText).toList(), beyond,
                menu != null && menu.isVisible());
    }

    /** The acceleration lab at text 1.5, normal mode. */
    private AccelerationLab openLab(FxRobot robot) throws Exception {
        showLab("acceleration", 1.5, false);
        return (AccelerationLab) robot.lookup("#accelerationLab").query().getProperties().get(AccelerationLab.class);
    }

    @Test
    void finishedCurvesKeepAReadablePlotInThePanesColours(FxRobot robot) throws Exception {
        AccelerationLab lab = openLab(robot);
        AccelerationSettings small = new AccelerationSettings(ModelChoice.ENSEMBLE, 10, 1,
                AccelerationSetting.withModel(ModelChoice.TRUE, 10, 1, AccelerationSettings.RATIO), 1, 1, 12, 1,
                AccelerationSettings.DEFAULT_SPEED, false);
        assertTrue(readOnFx(() -> lab.model().applySettings(small.toJson())).isEmpty());
        WaitForAsyncUtils.asyncFx(() -> {
            TabPane tabs = lab.curvesTab().getTabPane();
            tabs.getSelectionModel().select(lab.curvesTab());
        }).get(15, TimeUnit.SECONDS);
        clickOnFx(robot, "#stepButton");
        waitUntil(() -> lab.shownCurves() != null && lab.shownCurves().finished(), "the background runs are in");
        Label note = robot.lookup("#curvesNote").queryAs(Label.class);
        waitUntil(() -> note.getText().contains("runs reached"), "the steps-to-195 text");
        List<Double> plot = waitUntilAtRest(() -> readOnFx(() -> {
            ChartViewer viewer = (ChartViewer) shell.view().lookup("#accelerationChart");
            var area = viewer.getCanvas().getRenderingInfo().getPlotInfo().getDataArea();
            return List.of(area.getHeight(), viewer.getHeight(), note.isManaged() ? 1.0 : 0.0);
        }), 300, "the curves are laid out");
        List<String> legend = new ArrayList<>();
        List<Integer> colours = new ArrayList<>();
        WaitForAsyncUtils.asyncFx(() -> {
            ChartViewer viewer = (ChartViewer) shell.view().lookup("#accelerationChart");
            XYPlot xy = viewer.getChart().getXYPlot();
            for (int i = 0; i < xy.getLegendItems().getItemCount(); i++) {
                LegendItem item = xy.getLegendItems().get(i);
                legend.add(item.getLabel());
                colours.add(Palette.categoricalIndex((java.awt.Color) item.getLinePaint()));
            }
        }).get(15, TimeUnit.SECONDS);
        System.out.println("normal mode, 1024x768, text 1.5: acceleration curves plot " + Math.round(plot.get(0))
                + " px high in a chart of " + Math.round(plot.get(1)) + " px; legend " + legend);
        assertTrue(plot.get(0) >= 120, "the plot is at least 120 px high: " + plot.get(0));
        assertEquals(0.0, plot.get(2), "the text under the chart is folded into its tooltip");
        assertEquals(List.of("1: real data only", "2: ensemble n=10 k=1", "3: true physics n=10 k=1"), legend,
                "the panes' titles");
        assertEquals(List.of(0, 1, 2), colours, "each band has its pane's colour");
        Node column = lab.curvesTab().getContent();
        assertTrue(column instanceof mbrllab.app.lab.ChartColumn c && c.folded().contains(note));
    }

    /**
     * A third pane whose title takes three lines ("3: true physics / n=10 k=1 / push=dataset") still shows every
     * pane whole at 1024x768, text 1.5, normal mode: the divider under the panes moves down as far as they need (their
     * titles had been cut at the top and the data counts at the bottom).
     */
    @Test
    void aThreeLineTitleLeavesThePanesWhole(FxRobot robot) throws Exception {
        AccelerationLab lab = openLab(robot);
        AccelerationSettings copies = new AccelerationSettings(ModelChoice.TRUE, 10, 1,
                AccelerationSetting.withModel(ModelChoice.TRUE, 10, 1, AccelerationSettings.RATIO)
                        .withPush(FirstPush.DATASET), 1, 1, 200, 1, 5000, false);
        assertTrue(readOnFx(() -> lab.model().applySettings(copies.toJson())).isEmpty());
        Label title = robot.lookup("#paneTitle2").queryAs(Label.class);
        waitUntil(() -> readOnFx(title::getText).endsWith("push=dataset"), "the third pane's title");
        // every line the panes can have: a return and its mean, real and model data in four and five digits
        Label stats = robot.lookup("#paneStats2").queryAs(Label.class);
        Label counts = robot.lookup("#dataCounts2").queryAs(Label.class);
        clickOnFx(robot, "#playButton");
        waitUntil(() -> readOnFx(() -> stats.getText().contains("mean of 10")
                && counts.getText().matches(".*real \\d,\\d{3}.*model \\d\\d,\\d{3}.*")), "a thousand real steps");
        clickOnFx(robot, "#playButton");
        List<Double> out = waitUntilAtRest(() -> readOnFx(() -> {
            Node split = shell.view().lookup("#paneTitle0").getParent();
            while (!(split instanceof mbrllab.app.lab.PictureOverChart)) {
                split = split.getParent();
            }
            Bounds top = split.localToScene(split.getLayoutBounds());
            double bottom = top.getMaxY();
            for (Node child : ((javafx.scene.Parent) split).getChildrenUnmodifiable()) {
                if (child.getStyleClass().contains("split-pane-divider")) {
                    bottom = child.localToScene(child.getLayoutBounds()).getMinY();
                }
            }
            Bounds area = new javafx.geometry.BoundingBox(top.getMinX(), top.getMinY(), top.getWidth(),
                    bottom - top.getMinY());
            List<Double> beyond = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                for (String id : new String[] {"#paneTitle", "#dataCounts"}) {
                    Node n = shell.view().lookup(id + i);
                    Bounds b = n.localToScene(n.getLayoutBounds());
                    beyond.add(Math.max(area.getMinY() - b.getMinY(), b.getMaxY() - area.getMaxY()));
                }
            }
            return beyond;
        }), 300, "the panes are laid out");
        // the carts and the returns strips side by side, whatever their titles' lines (the third cart sat 20 px
        // lower under a two-line title)
        List<Double> tops = waitUntilAtRest(() -> readOnFx(() -> {
            List<Double> y = new ArrayList<>();
            for (String id : new String[] {"#cartCanvas", "#returnsCanvas"}) {
                for (int i = 0; i < 3; i++) {
                    Node n = shell.view().lookup(id + i);
                    y.add(n.localToScene(n.getLayoutBounds()).getMinY());
                }
            }
            return y;
        }), 300, "the carts laid out");
        System.out.println("normal mode, 1024x768, text 1.5: tops of the carts and of the returns strips " + tops);
        for (int i = 1; i < 3; i++) {
            assertEquals(tops.get(0), tops.get(i), 0.5, "the carts' tops: " + tops);
            assertEquals(tops.get(3), tops.get(3 + i), 0.5, "the strips' tops: " + tops);
        }
        int lines = readOnFx(() -> (int) Math.round(title.getHeight() / title.getFont().getSize() / 1.3));
        System.out.println("normal mode, 1024x768, text 1.5: third title about " + lines + " lines (" + readOnFx(
                counts::getText) + "); titles and data counts beyond the panes' area by " + out + " px");
        assertTrue(lines >= 3, "the third title wraps to three lines: " + lines);
        for (double d : out) {
            assertTrue(d <= 0.5, "a title or data count reaches " + d + " px beyond the panes' area: " + out);
        }
    }

    /**
     * Presenter mode at 1024x768 with text 2.0, once the panes show their returns: the learning curves' tab had 198 px
     * for a chart of 340 (its minimum at that text size; a tab pane does not pass its content's minimum on) and cut
     * the chart's lower half off, x axis and all. The chart is whole within its tab, its value axis label fits the
     * plot's height and the "return 195" label is shown only with room for it above the line.
     */
    @Test
    void atTextTwoInPresenterModeTheChartIsWhole(FxRobot robot) throws Exception {
        showLab("acceleration", 2.0, true);
        AccelerationLab lab = (AccelerationLab) robot.lookup("#accelerationLab").query().getProperties()
                .get(AccelerationLab.class);
        WaitForAsyncUtils.asyncFx(() -> lab.curvesTab().getTabPane().getSelectionModel().select(lab.curvesTab()))
                .get(15, TimeUnit.SECONDS);
        Label stats = robot.lookup("#paneStats2").queryAs(Label.class);
        clickOnFx(robot, "#playButton");
        waitUntil(() -> readOnFx(() -> stats.getText().contains("mean of 10")), "ten episodes in pane 3");
        clickOnFx(robot, "#playButton");
        List<Object> shown = waitUntilAtRest(() -> readOnFx(() -> {
            ChartViewer viewer = (ChartViewer) shell.view().lookup("#accelerationChart");
            Node tab = lab.curvesTab().getContent().getParent();
            Bounds chart = viewer.localToScene(viewer.getLayoutBounds());
            Bounds room = tab.localToScene(tab.getLayoutBounds());
            var info = viewer.getCanvas().getRenderingInfo();
            XYPlot plot = viewer.getChart().getXYPlot();
            var axis = plot.getRangeAxis();
            var marker = (org.jfree.chart.plot.ValueMarker) plot.getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND)
                    .iterator().next();
            double height = info == null ? 0 : info.getPlotInfo().getDataArea().getHeight();
            double above = height * (axis.getUpperBound() - marker.getValue()) / axis.getRange().getLength();
            return List.<Object>of(chart.getMaxY() - room.getMaxY(), height, axis.getLabel(),
                    mbrllab.charts.AxisLabels.width(axis.getLabel(), axis.getLabelFont()),
                    String.valueOf(marker.getLabel()), above, (double) marker.getLabelFont().getSize2D());
        }), 300, "the chart is drawn");
        System.out.println("presenter mode, 1024x768, text 2.0: chart beyond its tab by " + shown.get(0)
                + " px; plot " + shown.get(1) + " px high; axis label '" + shown.get(2) + "' " + shown.get(3)
                + " px; line label " + shown.get(4) + " with " + shown.get(5) + " px above the line");
        assertTrue((Double) shown.get(0) <= 0.5, "the chart ends inside its tab: " + shown);
        assertTrue((Double) shown.get(1) >= 40, "a plot is left: " + shown);
        assertTrue((Double) shown.get(3) <= (Double) shown.get(1), "the axis label fits the plot: " + shown);
        if (!"null".equals(shown.get(4))) {
            assertTrue((Double) shown.get(5) >= (Double) shown.get(6), "the line's label has room: " + shown);
        }
        // every tab title in view, none in the tab pane's overflow menu ("One model rollout" was)
        List<Object> tabs = readOnFx(() -> tabsShown(lab));
        System.out.println("presenter mode, 1024x768, text 2.0: tabs " + tabs);
        assertTrue((Double) tabs.get(1) <= 0, "every tab title in view: " + tabs);
        assertEquals(false, tabs.get(2), "no tab menu: " + tabs);
        // an export (at least 420 px high) has the whole labels, whatever fitted the screen
        List<String> exported = readOnFx(() -> {
            var target = lab.exportTargets().stream().filter(t -> t.name().equals("learning-curves")).findFirst()
                    .orElseThrow();
            target.png2x().get();
            XYPlot plot = ((ChartViewer) shell.view().lookup("#accelerationChart")).getChart().getXYPlot();
            var marker = (org.jfree.chart.plot.ValueMarker) plot.getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND)
                    .iterator().next();
            return List.of(plot.getRangeAxis().getLabel(), String.valueOf(marker.getLabel()));
        });
        assertEquals(List.of("Mean return", "return 195"), exported, "the labels drawn into the export");
    }

    /**
     * At 1366x768 with text 1.5 the two tabs beside the processes fit with their whole titles only without the tab
     * menu's button; the titles flipped between their forms every few pulses (the button counted only while shown).
     * They come to rest, every title in view and no menu.
     */
    @Test
    void theTabTitlesComeToRest(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            javafx.stage.Window w = shell.view().getScene().getWindow();
            w.setWidth(1366);
            w.setHeight(768);
        }).get(15, TimeUnit.SECONDS);
        AccelerationLab lab = openLab(robot);
        List<Object> tabs = waitUntilAtRest(() -> readOnFx(() -> tabsShown(lab)), 1000, "the tab titles come to rest");
        System.out.println("normal mode, 1366x768, text 1.5: tabs " + tabs);
        assertTrue((Double) tabs.get(1) <= 0, "every tab title in view: " + tabs);
        assertEquals(false, tabs.get(2), "no tab menu: " + tabs);
    }

    /**
     * The lab opened at text 1.5, then the text made larger step by step and presenter mode turned on, as a lecturer
     * does (Ctrl+= five times, F11): the tabs took their short titles but their headers kept the widths of the long
     * ones ("Curves" in 235 px), the tab menu shown, because no layout pass reached them. Each header is as wide as
     * its title asks, and no menu.
     */
    @Test
    void tabHeadersFollowTheirTitlesAfterTheTextGrows(FxRobot robot) throws Exception {
        AccelerationLab lab = openLab(robot);
        for (double s : new double[] {1.6, 1.7, 1.8, 1.9, 2.0}) {
            readOnFx(() -> {
                shell.fontScaleProperty().set(s);
                return null;
            });
            waitForLayoutPulse();
        }
        readOnFx(() -> {
            shell.setPresenter(true);
            return null;
        });
        List<Object> tabs = waitUntilAtRest(() -> readOnFx(() -> {
            TabPane pane = lab.curvesTab().getTabPane();
            List<Double> off = new ArrayList<>();
            for (Node header : pane.lookupAll(".tab")) {
                if (header.getParent() != null && header.getParent().getStyleClass().contains("headers-region")) {
                    off.add(header.getLayoutBounds().getWidth() - ((javafx.scene.layout.Region) header).prefWidth(-1));
                }
            }
            Node menu = pane.lookup(".control-buttons-tab");
            return List.<Object>of(pane.getTabs().stream().map(javafx.scene.control.Tab::getText).toList(), off,
                    menu != null && menu.isVisible());
        }), 500, "the tab headers come to rest");
        System.out.println("presenter mode after text 1.5 to 2.0, 1024x768: tabs " + tabs);
        for (Object d : (List<?>) tabs.get(1)) {
            assertEquals(0, (Double) d, 1, "each header as wide as its title asks (width minus preferred): " + tabs);
        }
        assertEquals(false, tabs.get(2), "no tab menu: " + tabs);
    }
}

package mbrllab.app.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A chart column folds its notes, last first, when showing them would squeeze the chart below its minimum height;
 * their text is then the column's tooltip; what never folds (a legend) stays, and counts in the column's minimum.
 */
@ExtendWith(ApplicationExtension.class)
class ChartColumnTest {

    @Start
    void start(Stage stage) {
        // The toolkit only: the column is laid out by hand.
    }

    /** A chart stand-in with a minimum height of 100 px; a legend and two notes of 20 px each under it. */
    private static Object[] column() {
        Region chart = new Region();
        chart.setMinHeight(100);
        Label legend = fixed("legend", false);
        Label first = fixed("first note", true);
        Label second = fixed("second note", true);
        ChartColumn c = new ChartColumn(chart, Insets.EMPTY, legend, first, second);
        return new Object[] {c, chart, legend, first, second};
    }

    private static Label fixed(String text, boolean note) {
        Label l = new Label(text);
        l.setMinHeight(20);
        l.setPrefHeight(20);
        l.setMaxHeight(20);
        if (note) {
            l.getStyleClass().add("note");
        }
        return l;
    }

    private static void layOut(ChartColumn c, double height) {
        c.resize(300, height);
        c.layout();
    }

    @Test
    void notesFoldLastFirstWhenTheChartWouldBeSqueezed() throws Exception {
        Object[] r = WaitForAsyncUtils.asyncFx(() -> {
            Object[] parts = column();
            ChartColumn c = (ChartColumn) parts[0];
            Region chart = (Region) parts[1];
            // chart 100 + 3 x (2 spacing + 20) = 166: everything fits
            layOut(c, 170);
            List<Node> roomy = c.folded();
            double chartRoomy = chart.getHeight();
            String tipRoomy = c.foldedTooltipText();
            // 150: the legend (22) and the first note (22) fit, the second note does not
            layOut(c, 150);
            List<Node> tight = c.folded();
            double chartTight = chart.getHeight();
            String tipText = c.foldedTooltipText();
            // 110: only the legend, which never folds
            layOut(c, 110);
            List<Node> tighter = c.folded();
            String tipTighter = c.foldedTooltipText();
            double min = c.minHeight(300);
            return new Object[] {parts, roomy, chartRoomy, tipRoomy, tight, chartTight,
                tipText, tighter, tipTighter, min};
        }).get(15, TimeUnit.SECONDS);
        Object[] parts = (Object[]) r[0];
        Node legend = (Node) parts[2];
        Node first = (Node) parts[3];
        Node second = (Node) parts[4];
        assertEquals(List.of(), r[1], "room for all: nothing folded");
        assertTrue((double) r[2] >= 100, "the chart keeps at least its minimum: " + r[2]);
        assertNull(r[3], "no tooltip while nothing is folded");
        assertEquals(List.of(second), r[4], "a little short: the last note folds");
        assertTrue((double) r[5] >= 100, "and the chart keeps its minimum: " + r[5]);
        assertEquals("second note", r[6], "the folded note's text is the column's tooltip");
        assertEquals(List.of(first, second), r[7], "shorter: both notes fold");
        assertEquals("first note\nsecond note", r[8]);
        assertTrue(legend.isVisible() && legend.isManaged(), "the legend never folds");
        assertFalse(second.isVisible(), "a folded note is not drawn");
        assertEquals(122, (double) r[9], 1e-9, "the minimum counts the chart and the legend, not the notes");
        assertNotNull(first);
    }

    /**
     * Given less than its minimum (122 px: the chart's 100, the legend's 20 and the spacing), the column stays whole:
     * the chart gives up the missing height and the legend stays inside (a VBox had kept the chart at 100 px and put
     * the legend below the column's edge, where it was cut off).
     */
    @Test
    void underItsMinimumTheChartShrinksAndTheLegendStaysInside() throws Exception {
        double[] r = WaitForAsyncUtils.asyncFx(() -> {
            Object[] parts = column();
            ChartColumn c = (ChartColumn) parts[0];
            Region chart = (Region) parts[1];
            Label legend = (Label) parts[2];
            layOut(c, 80);
            double[] at80 = {chart.getHeight(), legend.getLayoutY(), legend.getLayoutY() + legend.getHeight()};
            layOut(c, 10);
            double[] at10 = {chart.getHeight(), legend.getLayoutY()};
            // in a parent that lays it out at its minimum however short it is itself, as a tab's content does
            javafx.scene.layout.StackPane parent = new javafx.scene.layout.StackPane(c);
            parent.setAlignment(javafx.geometry.Pos.TOP_LEFT);
            parent.resize(300, 80);
            parent.layout();
            return new double[] {at80[0], at80[1], at80[2], at10[0], at10[1], c.getHeight(), chart.getHeight(),
                legend.getLayoutY() + legend.getHeight()};
        }).get(15, TimeUnit.SECONDS);
        assertEquals(58, r[0], 1e-9, "the chart: 80 - 2 - 20");
        assertEquals(60, r[1], 1e-9, "the legend right under it");
        assertEquals(80, r[2], 1e-9, "the legend ends at the column's edge");
        assertEquals(0, r[3], 1e-9, "with no room for the chart at all it has none");
        assertEquals(2, r[4], 1e-9, "and the legend starts at the top (after the spacing)");
        assertEquals(122, r[5], 1e-9, "the parent gives the column its minimum height");
        assertEquals(58, r[6], 1e-9, "and the chart takes what the parent shows");
        assertEquals(80, r[7], 1e-9, "the legend ends at the parent's edge");
    }

    /**
     * A column that gave up chart height comes to rest: it moved what is below the chart after the VBox had placed it,
     * which asked for another layout at every pulse (the cart-pole lab pulsed 60 times a second with nothing to
     * draw).
     */
    @Test
    void aColumnThatGaveUpChartHeightComesToRest() throws Exception {
        Object[] parts = column();
        ChartColumn c = (ChartColumn) parts[0];
        Region chart = (Region) parts[1];
        Label legend = (Label) parts[2];
        javafx.scene.layout.StackPane parent = new javafx.scene.layout.StackPane(c);
        parent.setAlignment(javafx.geometry.Pos.TOP_LEFT);
        Stage[] stage = new Stage[1];
        WaitForAsyncUtils.asyncFx(() -> {
            javafx.scene.Scene scene = new javafx.scene.Scene(parent, 300, 80);
            stage[0] = new Stage();
            stage[0].setScene(scene);
            stage[0].show();
        }).get(15, TimeUnit.SECONDS);
        try {
            mbrllab.app.ShellFixture.waitForLayoutPulse();
            mbrllab.app.ShellFixture.waitForLayoutPulse();
            Object[] after = WaitForAsyncUtils.asyncFx(() -> new Object[] {c.isNeedsLayout(), parent.isNeedsLayout(),
                chart.getHeight(), legend.getLayoutY() + legend.getHeight()}).get(15, TimeUnit.SECONDS);
            assertEquals(58, (double) after[2], 1e-9, "the chart takes what the parent shows");
            assertEquals(80, (double) after[3], 1e-9, "the legend ends at the parent's edge");
            assertFalse((boolean) after[0], "the column needs no further layout after a layout pass");
            assertFalse((boolean) after[1], "nor does its parent");
        } finally {
            WaitForAsyncUtils.asyncFx(() -> stage[0].close()).get(15, TimeUnit.SECONDS);
        }
    }
}

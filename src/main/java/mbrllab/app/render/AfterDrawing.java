package mbrllab.app.render;

import javafx.application.Platform;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.event.ChartProgressEvent;

/**
 * Runs a fitting step after each drawing of a chart: texts that must fit the plot as drawn (axis labels, notes,
 * legends, line labels) are chosen from the chart's rendering info once it is there. The step runs on the FX thread
 * after the drawing, not from inside it: changing a label redraws the chart. A step that changes nothing when nothing
 * changed (as {@link mbrllab.charts.AxisLabels#fit} does) lets the chart come to rest.
 */
public final class AfterDrawing {

    private AfterDrawing() {
    }

    /** After every drawing of {@code chart}, runs {@code fit} on the FX thread. */
    public static void fit(JFreeChart chart, Runnable fit) {
        chart.addProgressListener(e -> {
            if (e.getType() == ChartProgressEvent.DRAWING_FINISHED) {
                Platform.runLater(fit);
            }
        });
    }
}

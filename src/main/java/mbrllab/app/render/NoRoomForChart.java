package mbrllab.app.render;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.fx.ChartCanvas;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.overlay.OverlayFX;
import org.jfree.chart.panel.AbstractOverlay;

/**
 * What a chart shows when it is too short for its plot: JFreeChart lays out the legend and the axes first, and where
 * they take all the height there is no data area left; what it then left on the canvas read as a black box (the
 * acceleration lab's curves in presenter mode at 1024x768 with text 2.5 or 3). The canvas is cleared instead and says
 * that the chart needs more room, until a drawing has room for the plot again.
 */
public final class NoRoomForChart extends AbstractOverlay implements OverlayFX {

    /** What the cleared canvas says. */
    public static final String TEXT = "No room for this chart: a larger window or smaller text";

    private NoRoomForChart() {
    }

    /** Adds the check to the viewer's canvas; it holds for every chart the viewer shows later. */
    public static void install(ChartViewer viewer) {
        viewer.getCanvas().addOverlay(new NoRoomForChart());
    }

    /** Whether the last drawing of this viewer's chart had no room for the plot (and the canvas says so). */
    public static boolean shown(ChartViewer viewer) {
        // the overlays are not listed by the canvas: the last drawing's data area says the same
        return noRoom(viewer.getCanvas().getRenderingInfo());
    }

    static boolean noRoom(ChartRenderingInfo info) {
        if (info == null || info.getChartArea() == null || info.getChartArea().isEmpty()) {
            return false;
        }
        Rectangle2D data = info.getPlotInfo().getDataArea();
        return data == null || data.getWidth() <= 0 || data.getHeight() <= 0;
    }

    @Override
    public void paintOverlay(Graphics2D g2, ChartCanvas canvas) {
        if (!noRoom(canvas.getRenderingInfo())) {
            return;
        }
        GraphicsContext gc = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        gc.save();
        gc.clearRect(0, 0, w, h);
        gc.setFill(Color.gray(0.35));
        gc.setFont(Font.font(textSize(canvas)));
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.CENTER);
        gc.fillText(TEXT, w / 2, h / 2, Math.max(1, w - 8));
        gc.restore();
    }

    /** The size of the chart's legend text (it follows the app's text size), else JavaFX's default. */
    private static double textSize(ChartCanvas canvas) {
        org.jfree.chart.JFreeChart chart = canvas.getChart();
        if (chart != null && chart.getLegend() != null && chart.getLegend().getItemFont() != null) {
            return chart.getLegend().getItemFont().getSize2D();
        }
        return Font.getDefault().getSize();
    }

    /** Swing's chart panels: not used here. */
    @Override
    public void paintOverlay(Graphics2D g2, org.jfree.chart.ChartPanel chartPanel) {
    }
}

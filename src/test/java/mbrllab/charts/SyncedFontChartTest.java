package mbrllab.charts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Font;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartCanvas;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A chart on JFreeChart's JavaFX canvas draws its text in its own fonts. The canvas restores its graphics context after
 * each frame, and its FXGraphics2D skips setting the font it believes set; a chart whose axes have no labels (so its
 * text is all tick labels, in one font) had them drawn in the canvas's 12 px font. This test draws such a chart twice
 * as a plain JFreeChart (small digits: the test sees the fault) and as a {@link SyncedFontChart} (24 px digits in
 * both frames, which are alike to the pixel).
 */
@ExtendWith(ApplicationExtension.class)
class SyncedFontChartTest {

    private static final int W = 400;
    private static final int H = 300;

    @Start
    void start(Stage stage) {
        // The toolkit only: the canvas is drawn and read by hand.
    }

    /** An XY chart whose axes have no labels and 24 px tick labels, made by {@code make} from its plot. */
    private static JFreeChart chart(Function<Plot, JFreeChart> make) {
        XYSeries s = new XYSeries("line");
        for (int i = 0; i <= 10; i++) {
            s.add(i, i * i);
        }
        NumberAxis x = new NumberAxis("");
        NumberAxis y = new NumberAxis("");
        Font ticks = new Font(Font.SANS_SERIF, Font.PLAIN, 24);
        x.setTickLabelFont(ticks);
        y.setTickLabelFont(ticks);
        XYPlot plot = new XYPlot(new XYSeriesCollection(s), x, y, new XYLineAndShapeRenderer(true, false));
        return make.apply(plot);
    }

    /** The pixels of the first and the second frame of {@code chart} on one ChartCanvas of W x H. */
    private static int[][] twoFrames(JFreeChart chart) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            ChartCanvas canvas = new ChartCanvas(chart);
            canvas.setWidth(W);
            canvas.setHeight(H);
            int[][] frames = new int[2][];
            for (int f = 0; f < 2; f++) {
                canvas.draw();
                WritableImage image = canvas.snapshot(null, null);
                int[] argb = new int[W * H];
                image.getPixelReader().getPixels(0, 0, W, H, PixelFormat.getIntArgbInstance(), argb, 0, W);
                frames[f] = argb;
            }
            return frames;
        }).get(30, TimeUnit.SECONDS);
    }

    /**
     * The height in pixels of the x axis's tick labels: the rows of the chart's lowest 50 that hold black ink right of
     * x = 100 (the digits 2 to 10; the y axis's labels are left of it, the plot's outline is grey and its line red).
     */
    private static int tickLabelHeight(int[] argb) {
        int rows = 0;
        for (int y = H - 50; y < H; y++) {
            for (int x = 100; x < W; x++) {
                int p = argb[y * W + x];
                if (((p >> 16) & 0xff) < 80 && ((p >> 8) & 0xff) < 80 && (p & 0xff) < 80) {
                    rows++;
                    break;
                }
            }
        }
        return rows;
    }

    @Test
    void aPlainChartDrawsItsTickLabelsInTheCanvasFont() throws Exception {
        int[][] frames = twoFrames(chart(plot -> new JFreeChart(null, null, plot, false)));
        // Digits of a 24 px font are about 17 px high, of the canvas's 12 px font about 9.
        for (int f = 0; f < 2; f++) {
            assertTrue(tickLabelHeight(frames[f]) < 13, "frame " + (f + 1) + ": the fault this class mends is not"
                    + " seen (" + tickLabelHeight(frames[f]) + " px): the test no longer tells it apart");
        }
    }

    @Test
    void aSyncedFontChartDrawsItsTickLabelsInTheirFontInEveryFrame() throws Exception {
        int[][] frames = twoFrames(chart(plot -> new SyncedFontChart(null, null, plot, false)));
        assertTrue(tickLabelHeight(frames[0]) >= 15, "24 px digits: " + tickLabelHeight(frames[0]) + " px high");
        assertArrayEquals(frames[0], frames[1], "the second frame's pixels are the first's");
    }
}

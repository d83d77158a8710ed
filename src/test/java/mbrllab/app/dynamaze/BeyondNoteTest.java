package mbrllab.app.dynamaze;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.font.FontRenderContext;
import java.awt.geom.Rectangle2D;
import java.util.List;

import javafx.scene.control.Label;
import javafx.stage.Stage;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYAnnotation;
import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.title.TextTitle;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import mbrllab.app.ProjectorSizeFixture;
import mbrllab.app.maze.PaneFrame;

/**
 * The note on the animated run past the chart's last episode takes the longest of its forms that fits the plot: at
 * 1024x768 with text 1.5 its four lines had covered the whole short plot (and in presenter mode with text 2.0 it
 * wrapped into a column over the plot, its last number cut).
 */
class BeyondNoteTest extends ProjectorSizeFixture {

    @Start
    void start(Stage stage) {
        startShell(stage);
    }

    @Test
    void theFormsShortenFromEpisodesToCountsToOneLine() {
        PaneFrame a = frame(0, 306_673);
        PaneFrame b = frame(50, 12);
        String nl = System.lineSeparator();
        assertArrayEquals(new String[] {"Animated run past episode 50:" + nl + "n = 0: episode 306,673" + nl
                + "n = 50: episode 12", "Past episode 50:" + nl + "n = 0: 307k" + nl + "n = 50: 12",
            "Past episode 50"}, DynaMazeLab.beyondForms(List.of(a, b), 50));
        assertEquals(0, DynaMazeLab.beyondForms(List.of(frame(0, 50), frame(5, 49)), 50).length, "not past yet");
    }

    private static PaneFrame frame(int n, int episode) {
        return new PaneFrame(n, null, new double[0], 0, new int[0], new boolean[0], new int[0], -1, -1, episode, 3,
                10L, 100L, new int[0]);
    }

    @Test
    void theNoteFitsThePlot(FxRobot robot) throws Exception {
        for (boolean presenter : new boolean[] {false, true}) {
            showLab("dyna-maze", 1.5, presenter);
            playAtFullSpeed(robot);
            waitUntil(() -> readOnFx(() -> episode(((Label) shell.view().lookup(".pane-stats")).getText()) > 60),
                    "the animated run past episode 60");
            clickOnFx(robot, "#playButton");
            List<String> seen = waitUntilAtRest(() -> readOnFx(() -> {
                ChartViewer viewer = (ChartViewer) shell.view().lookup("#learningCurveChart");
                JFreeChart chart = viewer.getChart();
                String text = "";
                java.awt.Font font = null;
                for (XYAnnotation an : chart.getXYPlot().getAnnotations()) {
                    if (an instanceof XYTitleAnnotation t && t.getTitle() instanceof TextTitle tt) {
                        text = tt.getText();
                        font = tt.getFont();
                    }
                }
                Rectangle2D area = viewer.getCanvas().getRenderingInfo().getPlotInfo().getDataArea();
                FontRenderContext frc = new FontRenderContext(null, true, true);
                double widest = 0;
                String[] lines = text.isEmpty() ? new String[0] : text.split("\\R");
                for (String line : lines) {
                    widest = Math.max(widest, font.getStringBounds(line, frc).getWidth());
                }
                double height = font == null ? 0 : lines.length * font.getLineMetrics("Ag", frc).getHeight();
                return List.of(text, Double.toString(widest), Double.toString(height),
                    Double.toString(area.getWidth()), Double.toString(area.getHeight()));
            }), 500, "the chart at rest");
            System.out.printf("presenter %s: note '%s', %s x %s px in a plot of %s x %s%n", presenter,
                    seen.get(0).replaceAll("\\R", " / "), seen.get(1), seen.get(2), seen.get(3), seen.get(4));
            assertTrue(Double.parseDouble(seen.get(1)) <= Double.parseDouble(seen.get(3)), "the note's width in the plot");
            assertTrue(Double.parseDouble(seen.get(2)) <= 0.6 * Double.parseDouble(seen.get(4)),
                    "the note's height within 60% of the plot's");
        }
    }

    /** The episode in a pane's counters ("episode 61, step 3 · ..." or "ep. 61 · 3 ..."). */
    private static long episode(String stats) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("ep(?:isode|\\.) ([\\d,]+)").matcher(stats);
        return m.find() ? Long.parseLong(m.group(1).replace(",", "")) : 0;
    }
}

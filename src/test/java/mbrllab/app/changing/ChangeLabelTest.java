package mbrllab.app.changing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Font;

import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.junit.jupiter.api.Test;

import mbrllab.charts.AxisLabels;

/** Where the cumulative-reward chart's change label goes: right of the dashed line, else left, else shorter. */
class ChangeLabelTest {

    private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 18);

    private static ValueMarker marker() {
        ValueMarker m = new ValueMarker(3000);
        m.setLabel("maze changes");
        m.setLabelFont(FONT);
        m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        return m;
    }

    private static double width(String s) {
        return AxisLabels.width(s, FONT) + 6;
    }

    @Test
    void rightOfTheLineWhereTheWholeLabelFits() {
        ValueMarker m = marker();
        ChangingMazesLab.fitMarkerLabel(m, 10, width("maze changes") + 1);
        assertEquals("maze changes", m.getLabel());
        assertEquals(RectangleAnchor.TOP_RIGHT, m.getLabelAnchor());
        assertEquals(TextAnchor.TOP_LEFT, m.getLabelTextAnchor());
    }

    @Test
    void leftOfTheLineWhenOnlyThereItFits() {
        ValueMarker m = marker();
        ChangingMazesLab.fitMarkerLabel(m, width("maze changes") + 1, width("maze changes") - 1);
        assertEquals("maze changes", m.getLabel());
        assertEquals(RectangleAnchor.TOP_LEFT, m.getLabelAnchor());
        assertEquals(TextAnchor.TOP_RIGHT, m.getLabelTextAnchor());
    }

    @Test
    void shorterWhenTheWholeLabelFitsNeitherSide() {
        ValueMarker m = marker();
        double room = width("maze changes") - 1;
        ChangingMazesLab.fitMarkerLabel(m, room - 5, room);
        assertEquals("change", m.getLabel());
        assertEquals(RectangleAnchor.TOP_RIGHT, m.getLabelAnchor());
        // and back to the whole label (on the right) when the chart is wide again
        ChangingMazesLab.fitMarkerLabel(m, 10, 400);
        assertEquals("maze changes", m.getLabel());
        assertEquals(RectangleAnchor.TOP_RIGHT, m.getLabelAnchor());
    }
}

package mbrllab.app.cartpole;

import java.awt.Color;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;

import mbrllab.charts.LearningCurveChart;

/** Font scale and theme (normal or high contrast) of the lab's charts. */
final class ChartStyle {

    private ChartStyle() {
    }

    /** Applies the font scale ({@link LearningCurveChart#applyFontScale}) and the colours of the theme. */
    static void apply(JFreeChart chart, double fontScale, boolean highContrast) {
        LearningCurveChart.applyFontScale(chart, fontScale);
        Color background = highContrast ? Color.BLACK : Color.WHITE;
        Color text = highContrast ? Color.WHITE : new Color(0x33, 0x33, 0x33);
        Color grid = highContrast ? new Color(0x55, 0x55, 0x55) : new Color(0xDD, 0xDD, 0xDD);
        chart.setBackgroundPaint(background);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(background);
        plot.setDomainGridlinePaint(grid);
        plot.setRangeGridlinePaint(grid);
        plot.setOutlinePaint(highContrast ? Color.WHITE : Color.GRAY);
        for (ValueAxis axis : new ValueAxis[] {plot.getDomainAxis(), plot.getRangeAxis()}) {
            axis.setLabelPaint(text);
            axis.setTickLabelPaint(text);
            axis.setAxisLinePaint(text);
            axis.setTickMarkPaint(text);
        }
        if (chart.getLegend() != null) {
            chart.getLegend().setBackgroundPaint(background);
            chart.getLegend().setItemPaint(text);
        }
        if (chart.getTitle() != null) {
            chart.getTitle().setPaint(text);
        }
    }
}

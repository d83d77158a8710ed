package mbrllab.app.cartpole;

import org.jfree.chart.JFreeChart;

import mbrllab.app.render.ChartThemes;
import mbrllab.app.render.Theme;

/** Font scale and theme (normal or high contrast) of the lab's charts: the app's shared {@link ChartThemes}. */
final class ChartStyle {

    private ChartStyle() {
    }

    /** Applies the font scale and the colours of the theme. */
    static void apply(JFreeChart chart, double fontScale, boolean highContrast) {
        ChartThemes.apply(chart, fontScale, Theme.of(highContrast));
    }
}

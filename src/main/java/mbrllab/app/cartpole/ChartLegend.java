package mbrllab.app.cartpole;

import java.util.List;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;

import mbrllab.charts.Palette;

/**
 * A chart legend made of JavaFX labels, so it follows the font scale and the theme through CSS (JFreeChart's own
 * legend draws its text at the unscaled size inside a ChartViewer, whatever its font says). An entry longer than the
 * legend's width wraps: the legend asks for no width of its own (a single long entry, the swing-up's "cost per
 * episode (PILCO's saturating cost summed over its 40 steps)", made the cart-pole view 711 px wide at least and pushed
 * it under the lab list at 1024x768, text 1.5).
 */
final class ChartLegend extends FlowPane {

    ChartLegend() {
        super(16, 2);
        setAlignment(Pos.CENTER);
        getStyleClass().add("chart-legend");
    }

    @Override
    protected double computeMinWidth(double height) {
        return snappedLeftInset() + snappedRightInset();
    }

    @Override
    protected void layoutChildren() {
        double most = getWidth() - snappedLeftInset() - snappedRightInset();
        for (javafx.scene.Node n : getChildren()) {
            if (most > 0 && n instanceof Label l && l.getMaxWidth() != most) {
                l.setMaxWidth(most);
            }
        }
        super.layoutChildren();
    }

    /** One entry per name, with a line swatch of its colour. */
    void setEntries(List<String> names, List<java.awt.Color> colours) {
        getChildren().clear();
        for (int i = 0; i < names.size(); i++) {
            java.awt.Color c = colours.get(i);
            Line swatch = new Line(0, 0, 22, 0);
            swatch.setStroke(Color.rgb(c.getRed(), c.getGreen(), c.getBlue()));
            swatch.setStrokeWidth(3);
            int series = Palette.categoricalIndex(c);
            if (series >= 0) {
                // The style sheet gives the colour of the theme (lighter on black in high contrast).
                swatch.getStyleClass().addAll("legend-swatch", "series-" + series);
            }
            Label label = new Label(names.get(i), swatch);
            label.getStyleClass().add("chart-legend-item");
            label.setWrapText(true);
            getChildren().add(label);
        }
    }
}

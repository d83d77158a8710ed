package mbrllab.app.export;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import javax.imageio.ImageIO;

import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.StandardFontFunction;

import mbrllab.app.render.AwtPen;
import mbrllab.app.render.Fonts;
import mbrllab.app.render.Pen;
import mbrllab.io.AtomicFiles;

/** Turns views into files: PNG at 2x, SVG (JFreeSVG), CSV; every file written atomically. */
public final class Exports {

    private Exports() {
    }

    /** A picture drawn with a {@link Pen} at 2x: the pen draws in view coordinates of size w x h. */
    public static BufferedImage png2x(double w, double h, Consumer<Pen> draw) {
        int width = (int) Math.max(1, Math.ceil(w * 2));
        int height = (int) Math.max(1, Math.ceil(h * 2));
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.scale(2, 2);
        draw.accept(new AwtPen(g));
        g.dispose();
        return image;
    }

    /** The same picture as SVG. */
    public static String svg(double w, double h, Consumer<Pen> draw) {
        SVGGraphics2D g = new SVGGraphics2D(Math.max(1, w), Math.max(1, h));
        g.setFontFunction(svgFamilies());
        draw.accept(new AwtPen(g));
        return g.getSVGDocument();
    }

    /**
     * The CSS font family an SVG file names for a Java2D family: the bundled face with the generic "monospace" after
     * it (a viewer without DejaVu Sans Mono then still shows monospaced text), others as JFreeSVG names them.
     */
    static java.util.function.Function<String, String> svgFamilies() {
        StandardFontFunction standard = new StandardFontFunction();
        return family -> Fonts.MONO.equals(family) ? "'" + Fonts.MONO + "', monospace" : standard.apply(family);
    }

    /**
     * Hands {@code use} a copy of {@code chart} (to change for a file: a legend, a title) and detaches the copy from
     * the datasets it shares with the original afterwards, so exports leave nothing listening to the lab's data.
     */
    public static <T> T withCopy(JFreeChart chart, java.util.function.Function<JFreeChart, T> use) {
        JFreeChart copy;
        try {
            copy = (JFreeChart) chart.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("JFreeChart could not copy the chart", e);
        }
        var plot = copy.getXYPlot();
        try {
            return use.apply(copy);
        } finally {
            for (int d = 0; d < plot.getDatasetCount(); d++) {
                if (plot.getDataset(d) != null) {
                    plot.getDataset(d).removeChangeListener(plot);
                }
            }
        }
    }

    /** A JFreeChart drawn at 2x its size w x h. */
    public static BufferedImage chartPng2x(JFreeChart chart, double w, double h) {
        BufferedImage image = new BufferedImage((int) Math.ceil(w * 2), (int) Math.ceil(h * 2),
                BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.scale(2, 2);
        chart.draw(g, new Rectangle2D.Double(0, 0, w, h));
        g.dispose();
        return image;
    }

    /** A JFreeChart as SVG. */
    public static String chartSvg(JFreeChart chart, double w, double h) {
        SVGGraphics2D g = new SVGGraphics2D(w, h);
        chart.draw(g, new Rectangle2D.Double(0, 0, w, h));
        return g.getSVGDocument();
    }

    /**
     * The data of every dataset of an XY chart in long form: {@code dataset,series,x,y}, plus {@code y_low,y_high}
     * for interval datasets (confidence bands).
     */
    public static String chartCsv(JFreeChart chart) {
        StringBuilder sb = new StringBuilder("dataset,series,x,y,y_low,y_high\n");
        var plot = chart.getXYPlot();
        for (int d = 0; d < plot.getDatasetCount(); d++) {
            XYDataset data = plot.getDataset(d);
            if (data == null) {
                continue;
            }
            for (int s = 0; s < data.getSeriesCount(); s++) {
                String key = csvText(String.valueOf(data.getSeriesKey(s)));
                for (int i = 0; i < data.getItemCount(s); i++) {
                    sb.append(d).append(',').append(key).append(',').append(num(data.getXValue(s, i))).append(',')
                            .append(num(data.getYValue(s, i))).append(',');
                    if (data instanceof YIntervalSeriesCollection yi) {
                        sb.append(num(yi.getStartYValue(s, i))).append(',').append(num(yi.getEndYValue(s, i)));
                    } else {
                        sb.append(',');
                    }
                    sb.append('\n');
                }
            }
        }
        return sb.toString();
    }

    static String num(double v) {
        return String.format(Locale.ROOT, "%.6f", v);
    }

    /** Quotes a CSV field when it holds a comma, quote or line break. */
    public static String csvText(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }

    /** Writes a PNG atomically. */
    public static void writePng(BufferedImage image, Path file) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        AtomicFiles.write(file, out.toByteArray());
    }

    /** Which kind of file. */
    public enum Kind {
        PNG("png"), SVG("svg"), CSV("csv");

        private final String extension;

        Kind(String extension) {
            this.extension = extension;
        }

        public String extension() {
            return extension;
        }
    }

    /** Writes one kind of one target to {@code file}. FX thread (the suppliers read the views). */
    public static void write(ExportTarget target, Kind kind, Path file) throws IOException {
        switch (kind) {
            case PNG -> writePng(target.png2x().get(), file);
            case SVG -> AtomicFiles.writeString(file, target.svg().get());
            case CSV -> AtomicFiles.writeString(file, target.csv().get());
            default -> throw new IllegalStateException();
        }
    }

    /**
     * Writes every target in every kind into {@code dir} as name.png, name.svg and name.csv.
     *
     * @return the files written
     */
    public static List<Path> writeAll(List<ExportTarget> targets, Path dir) throws IOException {
        List<Path> written = new ArrayList<>();
        for (ExportTarget t : targets) {
            for (Kind kind : Kind.values()) {
                Path file = dir.resolve(t.name() + "." + kind.extension());
                write(t, kind, file);
                written.add(file);
            }
        }
        return written;
    }
}

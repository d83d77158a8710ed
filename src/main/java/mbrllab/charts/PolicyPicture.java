package mbrllab.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.List;

import mbrllab.core.maze.Action;
import mbrllab.core.maze.Cell;
import mbrllab.core.maze.Layout;

/**
 * Draws greedy policies on a maze with Java2D (headless), side by side, with titles and a caption: the
 * command line's Figure 8.3. Walls dark, S and G marked, an arrow where one action is strictly best, the
 * agent as a black square as in the book.
 */
public final class PolicyPicture {

    /**
     * One maze panel.
     *
     * @param title   shown above the maze
     * @param layout  the maze
     * @param actions greedy action per cell (row-major), -1 for none
     * @param agent   the agent's cell index, or -1
     */
    public record Panel(String title, Layout layout, int[] actions, int agent) {
    }

    private PolicyPicture() {
    }

    /** Renders the panels left to right with the caption below, at {@code cell} pixels per cell. */
    public static BufferedImage render(List<Panel> panels, String caption, int cell) {
        Layout first = panels.get(0).layout();
        int margin = cell / 2;
        int titleHeight = cell;
        int mazeWidth = first.cols() * cell;
        int mazeHeight = first.rows() * cell;
        Font titleFont = new Font(Font.SANS_SERIF, Font.BOLD, Math.max(13, cell * 2 / 5));
        Font captionFont = new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(12, cell / 3));
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D pg = probe.createGraphics();
        // each panel's slot is as wide as its maze or its title, whichever is wider (a narrow maze's titles overlapped)
        int slot = mazeWidth;
        for (Panel panel : panels) {
            slot = Math.max(slot, pg.getFontMetrics(titleFont).stringWidth(panel.title()));
        }
        int width = margin + panels.size() * (slot + margin);
        List<String> lines = wrap(caption, pg.getFontMetrics(captionFont), width - 2 * margin);
        pg.dispose();
        int lineHeight = (int) (captionFont.getSize() * 1.35);
        int height = margin + titleHeight + mazeHeight + margin / 2 + lines.size() * lineHeight + margin;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        for (int p = 0; p < panels.size(); p++) {
            int sx = margin + p * (slot + margin);
            int ox = sx + (slot - mazeWidth) / 2;
            int oy = margin + titleHeight;
            Panel panel = panels.get(p);
            g.setColor(Color.BLACK);
            g.setFont(titleFont);
            FontMetrics fm = g.getFontMetrics();
            g.drawString(panel.title(), sx + (slot - fm.stringWidth(panel.title())) / 2, oy - cell / 4);
            drawMaze(g, panel, ox, oy, cell);
        }
        g.setColor(Color.BLACK);
        g.setFont(captionFont);
        int y = margin + titleHeight + mazeHeight + margin / 2 + captionFont.getSize();
        for (String line : lines) {
            g.drawString(line, margin, y);
            y += lineHeight;
        }
        g.dispose();
        return image;
    }

    private static void drawMaze(Graphics2D g, Panel panel, int ox, int oy, int s) {
        Layout l = panel.layout();
        for (int r = 0; r < l.rows(); r++) {
            for (int c = 0; c < l.cols(); c++) {
                int x = ox + c * s;
                int y = oy + r * s;
                g.setColor(l.isWall(r, c) ? new Color(0x55, 0x55, 0x55) : Color.WHITE);
                g.fillRect(x, y, s, s);
                g.setColor(new Color(0xAA, 0xAA, 0xAA));
                g.setStroke(new BasicStroke(1f));
                g.drawRect(x, y, s, s);
            }
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, s / 2));
        FontMetrics fm = g.getFontMetrics();
        label(g, fm, "S", l.start(), ox, oy, s);
        label(g, fm, "G", l.goal(), ox, oy, s);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(Math.max(1.5f, s / 16f), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (int i = 0; i < panel.actions().length; i++) {
            if (panel.actions()[i] < 0) {
                continue;
            }
            Action u = Action.of(panel.actions()[i]);
            double cx = ox + (i % l.cols()) * s + s / 2.0;
            double cy = oy + (i / l.cols()) * s + s / 2.0;
            double len = s * 0.32;
            double x1 = cx - u.dCol() * len;
            double y1 = cy - u.dRow() * len;
            double x2 = cx + u.dCol() * len;
            double y2 = cy + u.dRow() * len;
            Path2D path = new Path2D.Double();
            path.moveTo(x1, y1);
            path.lineTo(x2, y2);
            double head = s * 0.16;
            path.moveTo(x2 - u.dCol() * head - u.dRow() * head * 0.8, y2 - u.dRow() * head + u.dCol() * head * 0.8);
            path.lineTo(x2, y2);
            path.lineTo(x2 - u.dCol() * head + u.dRow() * head * 0.8, y2 - u.dRow() * head - u.dCol() * head * 0.8);
            g.draw(path);
        }
        if (panel.agent() >= 0) {
            int ax = ox + (panel.agent() % l.cols()) * s;
            int ay = oy + (panel.agent() / l.cols()) * s;
            g.setColor(Color.BLACK);
            g.fillRect(ax + s / 4, ay + s / 4, s / 2, s / 2);
        }
    }

    private static void label(Graphics2D g, FontMetrics fm, String text, Cell cell, int ox, int oy, int s) {
        g.setColor(new Color(0x00, 0x72, 0xB2));
        int x = ox + cell.col() * s + (s - fm.stringWidth(text)) / 2;
        int y = oy + cell.row() * s + (s + fm.getAscent() - fm.getDescent()) / 2;
        g.drawString(text, x, y);
    }

    private static List<String> wrap(String text, FontMetrics fm, int width) {
        List<String> lines = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && fm.stringWidth(line + " " + word) > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }
}

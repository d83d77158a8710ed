package mbrllab.app.acceleration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import mbrllab.app.render.Pen;
import mbrllab.app.render.TextPen;
import mbrllab.core.acceleration.ProcessCounters;

/** The five processes read on a projector: the box texts wrap instead of being squeezed, at one readable size. */
class DrawingsTest {

    /**
     * The diagram's room at 1024x768 with text at 1.5 (style text 18 px): in presenter mode beside the tabs, and in
     * normal mode as a tab of its own, lower. Before the title went on one line, the boxes took more of the rows'
     * height and the datasets' ends were made less round, the boxes' text was 13.5 and 12.5 px there (now 15.5 and 15).
     */
    @ParameterizedTest
    @CsvSource({"540, 350, 15.4", "578, 300, 14.9"})
    void theBoxTextsWrapAtOneReadableSizeAndNothingIsSqueezed(int w, int h, double least) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        TextPen pen = new TextPen(g);
        String[] titles = {"Model-based acceleration of DQN: the five processes of pane 2 (learned ensemble, n = 10, "
            + "k = 20)", "Model-based acceleration of DQN: pane 2 (learned ensemble, n = 10, k = 20)",
            "Model-based acceleration of DQN: pane 2", "The five processes of pane 2"};
        Drawings.Processes p = new Drawings.Processes(titles, true, true, new ProcessCounters(1_708, 20, 3_018, 15, 4,
                4_000, 15_090, 20_000, 1_708, 20_000, 1_608, 1_200), new double[] {1, 2, 0.01, 0.002, 133},
                new boolean[8], 20_000);
        Drawings.processes(pen, w, h, p, new Drawings.Style(18, Drawings.NORMAL, new Color(0xD55E00)));
        g.dispose();
        List<String> seen = new ArrayList<>();
        double boxSize = Double.NaN;
        for (TextPen.Drawn d : pen.texts) {
            seen.add(d.text());
            double width = pen.textWidth(d.text(), d.size(), d.face());
            assertTrue(width <= d.maxWidth() + 0.5, "'" + d.text() + "' is " + width + " px wide in "
                    + d.maxWidth() + " px: squeezed");
            if (d.text().equals("Collect data") || d.text().startsWith("1 Collect")) {
                boxSize = d.size();
            }
        }
        System.out.printf(java.util.Locale.ROOT, "five processes in %d x %d px: title '%s' at %.1f px, boxes' text at "
                + "%.1f px%n", w, h, pen.texts.get(0).text(), pen.texts.get(0).size(), boxSize);
        assertEquals("Model-based acceleration of DQN: pane 2", pen.texts.get(0).text(),
                "the title's form on one line");
        assertEquals(18, pen.texts.get(0).size(), 1e-9, "the title at the text's size");
        assertTrue(boxSize >= least, "box titles at " + boxSize + " px");
        for (TextPen.Drawn d : pen.texts.subList(1, pen.texts.size())) {
            if (d.face() == Pen.Face.BOLD) { // the boxes' titles
                assertEquals(boxSize, d.size(), 1e-9, "'" + d.text() + "': one size for every box");
            }
        }
        assertTrue(seen.stream().anyMatch(l -> l.endsWith("θ\u00a0→\u00a0φ")), "θ → φ on one line: " + seen);
        String all = String.join(" ", seen); // wrapped lines joined again
        for (String words : new String[] {"3 Target network update", "2 Q-function regression",
                "5 Model-data collection", "15,090 rollouts", "133 transitions per real step", "20,000 (full)",
                "Model data", "(x, u, x̂', r̂)"}) {
            assertTrue(all.contains(words), words + " in " + seen);
        }
    }

    /**
     * Presenter mode at 1024x768 with text 2.0 (style text 24 px) leaves the diagram about 540 x 255 px: with their
     * three lines the boxes' text was 11.9 px there, under half the text's size. They drop their small third lines
     * (rates, the datasets' tuples) and keep titles and counts larger (13.5 px); at text 1.5 the third lines stay (the
     * test above).
     */
    @Test
    void atLargeTextTheBoxesKeepTitlesAndCountsReadable() {
        BufferedImage image = new BufferedImage(540, 255, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        TextPen pen = new TextPen(g);
        String[] titles = {"Model-based acceleration of DQN: pane 2", "The five processes of pane 2"};
        Drawings.Processes p = new Drawings.Processes(titles, true, true, new ProcessCounters(1_708, 20, 3_018, 15, 4,
                4_000, 15_090, 20_000, 1_708, 20_000, 1_608, 1_200), new double[] {1, 2, 0.01, 0.002, 133},
                new boolean[8], 20_000);
        Drawings.processes(pen, 540, 255, p, new Drawings.Style(24, Drawings.NORMAL, new Color(0xD55E00)));
        g.dispose();
        List<String> seen = new ArrayList<>();
        double boxSize = Double.NaN;
        for (TextPen.Drawn d : pen.texts) {
            seen.add(d.text());
            assertTrue(pen.textWidth(d.text(), d.size(), d.face()) <= d.maxWidth() + 0.5, "squeezed: " + d.text());
            if (d.text().startsWith("1 Collect")) {
                boxSize = d.size();
            }
        }
        System.out.printf(java.util.Locale.ROOT, "five processes in 540 x 255 px at text 24: boxes' text at %.1f px%n",
                boxSize);
        assertTrue(boxSize >= 13, "box titles at " + boxSize + " px (11.9 with the third lines)");
        String all = String.join(" ", seen);
        for (String words : new String[] {"2 Q-function regression", "15,090 rollouts", "20,000 (full)",
                "3,018 TD updates"}) {
            assertTrue(all.contains(words), words + " in " + seen);
        }
        assertFalse(all.contains("per real step"), "no rates: " + seen);
    }

    /**
     * The returns strip's caption and the cart's episode line take the longest of their forms that fits the width,
     * not a form squeezed into it (at 1024x768 with text 1.5 the longest was drawn at about half its width).
     */
    @Test
    void captionsTakeTheLongestFormThatFits() {
        BufferedImage image = new BufferedImage(600, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        TextPen pen = new TextPen(g);
        Drawings.Style st = new Drawings.Style(18, Drawings.NORMAL, new Color(0xD55E00));
        int[] returns = new int[20];
        java.util.Arrays.fill(returns, 100);
        String wide = null;
        String narrow = null;
        for (double w : new double[] {600, 180}) {
            pen.texts.clear();
            Drawings.returns(pen, w, 46, returns, 100, st);
            TextPen.Drawn caption = pen.texts.get(pen.texts.size() - 1);
            double drawn = pen.textWidth(caption.text(), caption.size(), caption.face());
            assertTrue(drawn <= caption.maxWidth(), "the caption fits without squeezing at " + w + " px: '"
                    + caption.text() + "' " + drawn + " > " + caption.maxWidth());
            if (w == 600) {
                wide = caption.text();
            } else {
                narrow = caption.text();
            }
        }
        g.dispose();
        assertEquals("returns, last 20 episodes (195 dashed)", wide);
        assertTrue(narrow.startsWith("last 20 returns"), "a shorter form when narrow: " + narrow);
        assertEquals("b", Drawings.fitting(pen, new String[] {"a much longer text than fits", "b"}, 18, 40));
        assertEquals("tiny", Drawings.fitting(pen, new String[] {"wide enough text", "tiny"}, 18, 1),
                "none fits: the last, shortest form");
    }

    /**
     * The returns strip's caption sits on a veil of the background: with every episode at 500 the bars fill the strip,
     * and beside the caption's first letter they are nearly the background's colour (they were the pane's colour,
     * the caption's dark text on it); beyond the caption the bars keep their colour.
     */
    @Test
    void theCaptionStaysReadableOverTallBars() {
        BufferedImage image = new BufferedImage(400, 46, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        Color accent = new Color(0x0072B2);
        int[] returns = new int[20];
        java.util.Arrays.fill(returns, 500);
        Drawings.returns(new TextPen(g), 400, 46, returns, 100, new Drawings.Style(18, Drawings.NORMAL, accent));
        g.dispose();
        Color under = new Color(image.getRGB(3, 3));
        Color beyond = new Color(image.getRGB(395, 40));
        Color background = Drawings.NORMAL.background();
        assertTrue(distance(under, background) < distance(under, accent) / 3, "under the caption: " + under);
        assertTrue(distance(beyond, accent) < 10, "a bar beyond it: " + beyond);
    }

    private static int distance(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) + Math.abs(a.getGreen() - b.getGreen())
                + Math.abs(a.getBlue() - b.getBlue());
    }

    /** Rates read as numbers a student can say aloud; counts agree with their nouns. */
    @Test
    void ratesAndCounts() {
        assertEquals("2.0 per real step", Drawings.rate(2, ""));
        assertEquals("0.9 per real step", Drawings.rate(0.88, "")); // was "1 per 1 real steps"
        assertEquals("0.5 per real step", Drawings.rate(0.5, ""));
        assertEquals("1 per 3 real steps", Drawings.rate(1 / 3.0, ""));
        assertEquals("1 per 500 real steps", Drawings.rate(0.002, ""));
        assertEquals("10 transitions per real step", Drawings.rate(10, "transition"));
        assertEquals("none lately", Drawings.rate(0, ""));
        assertEquals("", Drawings.rate(Double.NaN, ""));
        assertEquals("1 refit", Drawings.counted(1, "refit", "refits"));
        assertEquals("0 refits", Drawings.counted(0, "refit", "refits"));
        assertEquals("1,390 rollouts", Drawings.counted(1_390, "rollout", "rollouts"));
    }

    /**
     * A refit every 500 real steps reads 1 per 500 wherever the window's edges fall (it read "1 per 997" when the
     * window held one refit); a counter that moves every frame reads its mean rate; an idle one 0.
     */
    @Test
    void ratesOfRareAndFrequentProcesses() {
        java.util.ArrayDeque<long[]> history = new java.util.ArrayDeque<>();
        for (long step = 196; step <= 1700; step += 8) { // frames 8 real steps apart; refits at 200, 700 and 1200
            long refits = step >= 1200 ? 3 : step >= 700 ? 2 : step >= 200 ? 1 : 0;
            history.addLast(new long[] {0, step, 2 * step, refits, 0});
        }
        // the last 1,000 steps hold one refit (caught at 1204); the one before was caught at 700
        assertEquals(1 / 504.0, AccelerationLab.perStep(history, 3), 1e-12);
        assertEquals(2, AccelerationLab.perStep(history, 2), 1e-12);
        assertEquals(1, AccelerationLab.perStep(history, 1), 1e-12);
        assertEquals(0, AccelerationLab.perStep(history, 4), "idle for the window: none lately");
        for (long step = 1708; step <= 2800; step += 8) { // no refit since 1200: idle for over 1,000 steps
            history.addLast(new long[] {0, step, 2 * step, 3, 0});
        }
        assertEquals(0, AccelerationLab.perStep(history, 3));
        java.util.ArrayDeque<long[]> once = new java.util.ArrayDeque<>();
        once.addLast(new long[] {0, 100, 0, 0, 0});
        once.addLast(new long[] {0, 300, 0, 1, 0});
        assertTrue(Double.isNaN(AccelerationLab.perStep(once, 3)), "moved once: no rate yet (it read 1 per 200)");
        once.addLast(new long[] {0, 800, 0, 2, 0});
        assertEquals(1 / 500.0, AccelerationLab.perStep(once, 3), 1e-12, "moved twice: between the moves");
        once.removeLast();
        once.removeLast();
        assertTrue(Double.isNaN(AccelerationLab.perStep(once, 3)), "one row: no rate yet");
    }

    /**
     * With the real step of each counter's latest move in the rows, a process that runs every 100 real steps reads
     * 1 per 100 exactly, whatever real steps the rows fall on (frames 1 to 3 steps apart, as at 100 steps per second;
     * from the rows' own steps it read 1 per 99 or 1 per 101).
     */
    @Test
    void ratesFromTheStepsOfTheMoves() {
        java.util.List<long[]> rows = new java.util.ArrayList<>();
        long step = 0;
        int gap = 0;
        while (step < 1500) {
            step += 1 + gap++ % 3;
            long copies = step / 100;
            long refits = step >= 200 ? 1 + (step - 200) / 500 : 0;
            long refitStep = refits == 0 ? 0 : 200 + (refits - 1) * 500;
            rows.add(new long[] {0, step, 2 * step, copies, refits, 0, copies * 100, refitStep});
        }
        long[][] history = rows.toArray(new long[0][]);
        assertEquals(0.01, AccelerationLab.perStep(history, AccelerationLab.TARGET_COLUMN,
                AccelerationLab.TARGET_STEP_COLUMN), 1e-15);
        assertEquals(1 / 500.0, AccelerationLab.perStep(history, AccelerationLab.REFIT_COLUMN,
                AccelerationLab.REFIT_STEP_COLUMN), 1e-15);
        assertEquals(2, AccelerationLab.perStep(history, 2, 1), 1e-12);
        double fromRows = AccelerationLab.perStep(history, AccelerationLab.TARGET_COLUMN, 1);
        assertTrue(Math.abs(fromRows - 0.01) > 1e-6, "from the rows' own steps it is off: " + fromRows);
    }

    /**
     * The true physics is drawn on after its pole has fallen (its episode would have ended there), thin and in the
     * faint colour: with the fall at step 1 of 3, in each of the two plots one solid segment and two faint ones; the
     * legend says where it falls.
     */
    @Test
    void theTruePhysicsAfterItsFallIsFaint() {
        mbrllab.core.acceleration.ModelRollout r = new mbrllab.core.acceleration.ModelRollout(3,
                new double[] {10, 10, 10}, new double[16], new double[] {0, 0, 0, 0, 0.5, 0, 0.1, 0, 1.0, 0, 0.2, 0,
                    1.5, 0, 0.3, 0}, new double[12], false, 1);
        BufferedImage image = new BufferedImage(540, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        TextPen pen = new TextPen(g);
        Drawings.Style style = new Drawings.Style(18, Drawings.NORMAL, new Color(0xD55E00));
        Drawings.rollout(pen, 540, 300, r, new String[] {"Pane 2: one model rollout, k = 3"}, style);
        g.dispose();
        Drawings.Theme t = style.theme();
        long solid = pen.lines.stream().filter(l -> l.color().equals(t.text()) && l.width() == 2).count();
        long faint = pen.lines.stream().filter(l -> l.color().equals(t.faint()) && l.width() == 1.5).count();
        assertEquals(3, solid, "the legend's sample, and one segment before the fall in theta and in x");
        assertEquals(4, faint, "two after it in each");
        assertTrue(pen.texts.stream().anyMatch(d -> d.text().startsWith("true") && d.text().contains("falls at step 1")),
                pen.texts.toString());
    }

    /** The rollout's CSV: per step the two states, the error after it and the error of that step alone. */
    @Test
    void rolloutCsvHasBothErrors() {
        // one step; the model is 0.24 m off in x after it, of which 0.12 m is its own step (scaled: /2.4, then /2)
        mbrllab.core.acceleration.ModelRollout r = new mbrllab.core.acceleration.ModelRollout(1, new double[] {10},
                new double[] {0, 0, 0, 0, 0.24, 0, 0, 0}, new double[] {0, 0, 0, 0, 0, 0, 0, 0},
                new double[] {0.12, 0, 0, 0}, false, -1);
        List<String> lines = AccelerationLab.rolloutCsv(r).lines().toList();
        assertEquals("step,force,x_model,x_dot_model,theta_model,theta_dot_model,x_true,x_dot_true,theta_true,"
                + "theta_dot_true,error,step_error", lines.get(0));
        assertEquals("0,,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.0,", lines.get(1));
        assertEquals("1,10.0,0.24,0.0,0.0,0.0,0.0,0.0,0.0,0.0,0.05,0.025", lines.get(2));
    }

    /**
     * The rollout at the size of the lab's tab at 1024x768 with text 1.5: a ring per step in each of the two plots
     * (plus the legend's), nothing squeezed, and the caption with both errors.
     */
    @Test
    void theRolloutShowsEachStepsOwnTarget() {
        // two steps; the model drifts 0.24 m in x per step, its own steps are 0.12 m off
        mbrllab.core.acceleration.ModelRollout r = new mbrllab.core.acceleration.ModelRollout(2, new double[] {10, -10},
                new double[] {0, 0, 0, 0, 0.24, 0, 0, 0, 0.48, 0, 0, 0}, new double[12],
                new double[] {0.12, 0, 0, 0, 0.36, 0, 0, 0}, false, -1);
        BufferedImage image = new BufferedImage(540, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        TextPen pen = new TextPen(g);
        Drawings.rollout(pen, 540, 300, r, new String[] {"One model rollout of pane 2 (learned ensemble, "
            + "n = 10, k = 2): "
            + "k = 2 imagined steps from a real state", "Pane 2: one model rollout, k = 2"},
                new Drawings.Style(18, Drawings.NORMAL, new Color(0xD55E00)));
        g.dispose();
        assertEquals(1 + 2 * 2, pen.rings.size(), "the legend's ring and one per step in theta and in x");
        for (TextPen.Drawn d : pen.texts) {
            assertTrue(pen.textWidth(d.text(), d.size(), d.face()) <= d.maxWidth() + 0.5, "squeezed: " + d.text());
        }
        List<String> seen = pen.texts.stream().map(TextPen.Drawn::text).toList();
        assertTrue(seen.contains("Pane 2: one model rollout, k = 2"), seen.toString());
        // where the pole falls, in the model and in the physics: said in a form that fits, not squeezed
        mbrllab.core.acceleration.ModelRollout falls = new mbrllab.core.acceleration.ModelRollout(2, r.forces(),
                r.imagined(), r.truth(), r.stepped(), true, 1);
        Graphics2D g2 = image.createGraphics();
        TextPen pen2 = new TextPen(g2);
        Drawings.rollout(pen2, 540, 300, falls, new String[] {"Pane 2: one model rollout, k = 2"},
                new Drawings.Style(18, Drawings.NORMAL, new Color(0xD55E00)));
        g2.dispose();
        for (TextPen.Drawn d : pen2.texts) {
            assertTrue(pen2.textWidth(d.text(), d.size(), d.face()) <= d.maxWidth() + 0.5, "squeezed: " + d.text());
        }
        List<String> legend = pen2.texts.stream().map(TextPen.Drawn::text).toList();
        assertTrue(legend.stream().anyMatch(t -> t.startsWith("imagined") && t.contains("falls")), legend.toString());
        assertTrue(legend.stream().anyMatch(t -> t.startsWith("true") && t.contains("falls at step 1")),
                legend.toString());
        assertTrue(seen.stream().anyMatch(t -> t.contains("error after 2 steps 0.100") && t.contains("step 2 alone "
                + "0.025")), seen.toString());
    }
}

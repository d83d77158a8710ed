package mbrllab.app.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import mbrllab.app.cartpole.CartRenderer;
import mbrllab.app.maze.DivergingScale;
import mbrllab.app.maze.MazeRenderer;
import mbrllab.app.pilco.ReplayPicture;
import mbrllab.app.planning.PlanningPicture;
import mbrllab.charts.Palette;

/**
 * The high-contrast theme is really higher contrast: every colour it draws text with is at least 7:1 against what
 * the text is drawn on (WCAG 2's enhanced contrast, 1.4.6), and walls, lines, borders and bands at least 3:1 against
 * their background (non-text contrast, 1.4.11). The colours are read from where the app takes them: the charts'
 * {@link Theme}, the maze's and the cart's renderers, the categorical palette and the style sheet's
 * {@code .shell.high-contrast} rules.
 */
class ThemeContrastTest {

    private static final double TEXT = 7.0;
    private static final double NON_TEXT = 3.0;

    @Test
    void theRatioIsWcags() {
        assertEquals(21.0, Theme.contrast(Color.BLACK, Color.WHITE), 1e-9);
        assertEquals(1.0, Theme.contrast(Color.GRAY, Color.GRAY), 1e-9);
        // #767676 on white is the well-known smallest grey that passes 4.5:1.
        assertEquals(4.54, Theme.contrast(new Color(0x767676), Color.WHITE), 0.01);
        // What the old high-contrast maze drew: light grey walls on white cells, 1.9:1.
        assertFalse(Theme.contrast(new Color(0xbbbbbb), Color.WHITE) >= NON_TEXT);
    }

    @Test
    void chartsOnBlack() {
        Theme t = Theme.HIGH_CONTRAST;
        Color bg = t.background();
        atLeast(TEXT, t.ink(), bg, "chart text");
        atLeast(NON_TEXT, t.axis(), bg, "axis lines");
        atLeast(NON_TEXT, t.grid(), bg, "grid lines");
        atLeast(NON_TEXT, t.reference(), bg, "reference lines");
        atLeast(TEXT, t.ink(), t.note(), "notes in a chart");
        for (int i = 0; i < Palette.CATEGORICAL_COUNT; i++) {
            // Series colours also colour the panes' titles, so they are held to the text ratio.
            atLeast(TEXT, t.categorical(i), bg, "categorical colour " + i);
            atLeast(NON_TEXT, t.bandOver(t.categorical(i)), bg, "band of categorical colour " + i);
        }
        // The normal theme is not held to these ratios, but its text still reads (AA, 4.5:1).
        atLeast(4.5, Theme.NORMAL.ink(), Theme.NORMAL.background(), "normal chart text");
    }

    @Test
    void mazeOnBlack() {
        MazeRenderer.Colours c = MazeRenderer.colours(true);
        atLeast(NON_TEXT, c.wall(), c.cell(), "walls against free cells");
        atLeast(NON_TEXT, c.wall(), c.background(), "walls against the background");
        atLeast(NON_TEXT, c.wall(), c.grid(), "walls against the grid lines");
        atLeast(NON_TEXT, c.grid(), c.cell(), "grid lines against free cells");
        atLeast(NON_TEXT, c.start(), c.cell(), "the start cell's frame");
        atLeast(TEXT, c.goalText(), c.goal(), "the letter G on the goal cell");
        atLeast(NON_TEXT, c.goal(), c.cell(), "the goal cell against free cells");
        // S and the numbers sit on a translucent plate over whatever colour the cell's Q gives it.
        for (double q = -1; q <= 1.0001; q += 0.05) {
            Color under = DivergingScale.color(q, 1);
            Color plate = Theme.over(opaque(c.plate()), c.plate().getAlpha() / 255.0, under);
            atLeast(TEXT, c.start(), plate, "the letter S on its plate over Q = " + String.format("%.2f", q));
        }
    }

    @Test
    void cartOnBlack() {
        CartRenderer.Theme t = CartRenderer.theme(true);
        Color bg = t.background();
        for (Color text : List.of(t.text(), t.faint(), t.warning(), t.target(), t.replay(), t.arrow())) {
            atLeast(TEXT, text, bg, "cart text " + hex(text));
        }
        for (Color line : List.of(t.rail(), t.tick(), t.limit(), t.pole(), t.poleEdge(), t.hinge(), t.wheel())) {
            atLeast(NON_TEXT, line, bg, "cart line " + hex(line));
        }
    }

    /** The planning lab's picture: the candidates' fan, the elites, the plans, the cart, the forces' axes. */
    @Test
    void planningPictureOnBlack() {
        PlanningPicture.Colours c = PlanningPicture.colours(true);
        pictureOnBlack("planning", c.background(), List.of(c.ink(), c.faintText()), List.of(c.frame(), c.track(),
                c.centre(), c.limit(), c.candidateKey(), c.elite(), c.plan(), c.truth(), c.target(), c.cart(),
                c.pole()), c.hinge(), c.cart());
        // the faint fan of candidates, as its translucent strokes come out over the background
        atLeast(NON_TEXT, Theme.over(opaque(c.candidate()), c.candidate().getAlpha() / 255.0, c.background()),
                c.background(), "a candidate's path");
    }

    /** The PILCO lab's replay: the cart, the trail, the predicted tip's ellipse, the target, the push. */
    @Test
    void replayOnBlack() {
        ReplayPicture.Colours c = ReplayPicture.colours(true);
        pictureOnBlack("replay", c.background(), List.of(c.ink(), c.faintText()), List.of(c.track(), c.target(),
                c.trail(), c.prediction(), c.cart(), c.pole(), c.force()), c.hinge(), c.cart());
    }

    /** A picture on black: its texts at the text ratio, its lines and marks at the non-text one, the cart's hinge. */
    private static void pictureOnBlack(String what, Color bg, List<Color> texts, List<Color> lines, Color hinge,
                                       Color cart) {
        assertEquals(Color.BLACK, bg, what + "'s background");
        for (Color text : texts) {
            atLeast(TEXT, text, bg, what + " text " + hex(text));
        }
        for (Color line : lines) {
            atLeast(NON_TEXT, line, bg, what + " line or mark " + hex(line));
        }
        atLeast(NON_TEXT, hinge, cart, what + ": the hinge on the cart");
    }

    @Test
    void styleSheetOnBlack() throws IOException {
        Map<String, Map<String, String>> rules = highContrastRules();
        assertTrue(rules.size() >= 20, "the style sheet's high-contrast rules were found: " + rules.size());
        Map<String, String> root = rules.get(".shell.high-contrast");
        Color bg = color(root.get("-fx-background"));
        for (String text : List.of("-fx-text-fill", "-fx-text-base-color", "-fx-text-background-color",
                "-fx-text-inner-color", "-fx-prompt-text-fill")) {
            atLeast(TEXT, color(root.get(text)), bg, ".shell.high-contrast " + text);
        }
        atLeast(TEXT, color(root.get("-fx-selection-bar-text")), color(root.get("-fx-selection-bar")),
                "selected text");
        for (String line : List.of("-fx-focus-color", "-fx-accent", "-fx-box-border", "-fx-text-box-border",
                "-fx-outer-border", "-fx-mark-color")) {
            atLeast(NON_TEXT, color(root.get(line)), bg, ".shell.high-contrast " + line);
        }
        int checked = 0;
        for (Map.Entry<String, Map<String, String>> rule : rules.entrySet()) {
            String selector = rule.getKey();
            Map<String, String> d = rule.getValue();
            if (selector.equals(".shell.high-contrast")) {
                continue;
            }
            Color under = d.containsKey("-fx-background-color") ? color(d.get("-fx-background-color"))
                    : backgroundOfEnclosing(rules, selector, bg);
            if (d.containsKey("-fx-text-fill")) {
                atLeast(TEXT, color(d.get("-fx-text-fill")), under, selector + " text");
                checked++;
            } else if (d.containsKey("-fx-background-color")) {
                if (selector.contains("slider") || selector.contains("split-pane-divider")) {
                    atLeast(NON_TEXT, under, bg, selector + " (a control without text)");
                } else if (!textGivenInside(rules, selector)) {
                    atLeast(TEXT, color(root.get("-fx-text-fill")), under, selector + " with the theme's text");
                }
                checked++;
            }
            if (d.containsKey("-fx-border-color")) {
                for (String part : d.get("-fx-border-color").split("\\s+")) {
                    if (!part.equals("transparent")) {
                        atLeast(NON_TEXT, color(part), bg, selector + " border");
                        checked++;
                    }
                }
            }
            if (d.containsKey("-fx-stroke")) {
                atLeast(NON_TEXT, color(d.get("-fx-stroke")), bg, selector + " stroke");
            }
        }
        assertTrue(checked >= 25, "colours checked in the style sheet: " + checked);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static void atLeast(double ratio, Color fg, Color bg, String what) {
        double r = Theme.contrast(fg, bg);
        assertTrue(r >= ratio, String.format("%s: %s on %s is %.2f:1, wanted at least %.1f:1", what, hex(fg), hex(bg),
                r, ratio));
    }

    private static Color opaque(Color c) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue());
    }

    private static String hex(Color c) {
        return String.format("#%02X%02X%02X", c.getRed(), c.getGreen(), c.getBlue());
    }

    private static Color color(String css) {
        String s = css.trim();
        if (s.matches("#[0-9a-fA-F]{6}")) {
            return new Color(Integer.parseInt(s.substring(1), 16));
        }
        if (s.matches("#[0-9a-fA-F]{3}")) {
            int r = Integer.parseInt(s.substring(1, 2), 16);
            int g = Integer.parseInt(s.substring(2, 3), 16);
            int b = Integer.parseInt(s.substring(3, 4), 16);
            return new Color(r * 17, g * 17, b * 17);
        }
        throw new AssertionError("not a colour the test reads: '" + css + "'");
    }

    /** The background of the closest rule whose selector this one extends (".tab:selected" for its label). */
    private static Color backgroundOfEnclosing(Map<String, Map<String, String>> rules, String selector, Color bg) {
        String best = null;
        for (Map.Entry<String, Map<String, String>> r : rules.entrySet()) {
            if (selector.startsWith(r.getKey() + " ") && r.getValue().containsKey("-fx-background-color")
                    && (best == null || r.getKey().length() > best.length())) {
                best = r.getKey();
            }
        }
        return best == null ? bg : color(rules.get(best).get("-fx-background-color"));
    }

    private static boolean textGivenInside(Map<String, Map<String, String>> rules, String selector) {
        for (Map.Entry<String, Map<String, String>> r : rules.entrySet()) {
            if (r.getKey().startsWith(selector + " ") && r.getValue().containsKey("-fx-text-fill")) {
                return true;
            }
        }
        return false;
    }

    /** Every rule of the style sheet under .shell.high-contrast, one entry per selector, declarations in order. */
    static Map<String, Map<String, String>> highContrastRules() throws IOException {
        String css;
        try (InputStream in = ThemeContrastTest.class.getResourceAsStream("/css/mbrl-lab.css")) {
            css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        css = css.replaceAll("(?s)/\\*.*?\\*/", "");
        Map<String, Map<String, String>> rules = new LinkedHashMap<>();
        Matcher m = Pattern.compile("([^{}]+)\\{([^}]*)}").matcher(css);
        while (m.find()) {
            List<String> selectors = new ArrayList<>();
            for (String s : m.group(1).split(",")) {
                selectors.add(s.trim().replaceAll("\\s+", " "));
            }
            Map<String, String> declarations = new LinkedHashMap<>();
            for (String decl : m.group(2).split(";")) {
                int colon = decl.indexOf(':');
                if (colon > 0) {
                    declarations.put(decl.substring(0, colon).trim(), decl.substring(colon + 1).trim());
                }
            }
            for (String s : selectors) {
                if (s.startsWith(".shell.high-contrast")) {
                    rules.computeIfAbsent(s, k -> new LinkedHashMap<>()).putAll(declarations);
                }
            }
        }
        return rules;
    }
}

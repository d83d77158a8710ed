package mbrllab.app.models;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;

import org.junit.jupiter.api.Test;

import mbrllab.app.render.Theme;

/**
 * The models lab's bands in high contrast: the outer band (epistemic + aleatoric) over the background and the inner
 * band (epistemic) over the outer one are each at least 3:1 against the black background (WCAG's non-text contrast),
 * for every model colour; in the normal theme they stay light (the curves on them must read).
 */
class LookContrastTest {

    @Test
    void bandsOnBlackReachThreeToOne() {
        Look look = new Look(1, true);
        Color bg = look.background();
        for (int m = 0; m < 8; m++) {
            Color c = look.colour(m);
            Color outer = Theme.over(c, look.bandAlpha(false), bg);
            Color inner = Theme.over(c, look.bandAlpha(true), outer);
            double ro = Theme.contrast(outer, bg);
            double ri = Theme.contrast(inner, bg);
            assertTrue(ro >= 3, "outer band of colour " + m + ": " + ro);
            assertTrue(ri >= 3, "inner band of colour " + m + ": " + ri);
            assertTrue(ri > ro, "the inner band is drawn over the outer one and is the stronger: " + ri + " vs " + ro);
        }
    }

    @Test
    void bandsOnWhiteStayLight() {
        Look look = new Look(1, false);
        for (int m = 0; m < 3; m++) {
            Color outer = Theme.over(look.colour(m), look.bandAlpha(false), look.background());
            // A curve drawn in the model's own colour still stands out from its band.
            assertTrue(Theme.contrast(look.colour(m), outer) > 1.5, "curve on its band, colour " + m);
        }
    }
}

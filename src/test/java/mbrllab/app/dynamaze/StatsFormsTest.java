package mbrllab.app.dynamaze;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

import mbrllab.app.maze.PaneFrame;

/**
 * A pane's counts group their thousands, the episode and the step as the updates already did: at full speed the
 * panes read "ep. 413932 · 8" beside "6,588,464 upd." and the chart's "episode 411,922".
 */
class StatsFormsTest {

    @Test
    void episodesStepsAndUpdatesGroupTheirThousands() {
        PaneFrame f = new PaneFrame(5, null, new double[0], 0, new int[0], new boolean[0], new int[0], -1, -1, 413_932,
                1_234, 10_000_000L, 6_588_464L, new int[0]);
        String nl = System.lineSeparator();
        assertArrayEquals(new String[] {"episode 413,932, step 1,234 · 6,588,464 Q updates",
            "ep. 413,932, step 1,234 · 6,588,464 updates", "episode 413,932, step 1,234" + nl + "6,588,464 Q updates",
            "ep. 413,932, step 1,234" + nl + "6,588,464 updates", "ep. 413,932 · 1,234" + nl + "6,588,464 upd.",
            "ep. 414k · 1,234" + nl + "6.59M upd."},
                DynaMazeLab.statsForms(f));
    }
}

package mbrllab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import mbrllab.core.budget.Budget;

/** A command's own lines (pets' episodes, pilco's trials) and the progress bar share a terminal without mixing. */
class ProgressTest {

    @Test
    void aLinePrintedDuringTheBarClearsItAndTheBarIsDrawnAgainBelow() {
        StringWriter screen = new StringWriter(); // stdout and stderr on one terminal
        PrintWriter out = new PrintWriter(screen, true);
        Environment terminal = new Environment(Budget.standard(), 0, 0, true, Path.of("."), false);
        try (Progress progress = new Progress("pets", out, terminal, 3, "episodes")) {
            progress.print(out, "episode 1: return 12.0\n");
            progress.advance();
            progress.print(out, "episode 2: return 30.5\n");
        }
        String text = screen.toString();
        assertTrue(text.matches("(?s)\rpets: \\[-{20}\\] 0/3 episodes.*"), text);
        // each line starts at the left edge of a cleared bar, and the bar comes back below it
        assertTrue(text.matches("(?s).*\r +\repisode 1: return 12\\.0\n\rpets: \\[.*"), text);
        assertTrue(text.matches("(?s).*\r +\repisode 2: return 30\\.5\n\rpets: \\[#{7}-{13}\\] 1/3 episodes.*"), text);
        // what stays on the screen once the bar is cleared: the two lines, nothing glued to them
        String[] rows = text.split("\n");
        assertEquals("episode 1: return 12.0", rows[0].substring(rows[0].lastIndexOf('\r') + 1));
        assertEquals("episode 2: return 30.5", rows[1].substring(rows[1].lastIndexOf('\r') + 1));
    }

    @Test
    void onAPipeTheLinesArePrintedAsTheyAre() {
        StringWriter err = new StringWriter();
        StringWriter stdout = new StringWriter();
        Environment pipe = new Environment(Budget.standard(), 1e9, 1e9, false, Path.of("."), false);
        try (Progress progress = new Progress("pilco", new PrintWriter(err, true), pipe, 8, "trials")) {
            progress.print(new PrintWriter(stdout, true), "trial 1\n");
        }
        assertEquals("trial 1\n", stdout.toString());
        assertEquals("", err.toString(), "nothing shown before the delay");
    }
}

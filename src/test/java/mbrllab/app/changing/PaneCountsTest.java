package mbrllab.app.changing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import mbrllab.app.maze.PaneFrame;
import mbrllab.core.dyna.AgentKind;

/** A changing-mazes pane's narrowest counters count in k, M and B once they pass 100,000. */
class PaneCountsTest {

    private static final String NL = System.lineSeparator();

    @Test
    void theNarrowestFormCountsInThreeDigits() {
        PaneFrame f = new PaneFrame(5, null, new double[0], 0, new int[0], new boolean[0], new int[0], -1, -1, 413_932,
                1_234, 10_000_000L, 4_564_093_632L, new int[0]);
        String[] forms = ChangingMazesLab.statsForms(f, 250_123, AgentKind.DYNA_Q, false);
        assertEquals("ep. 414k · 1,234" + NL + "r 250k · 4.56B upd.", forms[forms.length - 1]);
        String[] sweeping = ChangingMazesLab.statsForms(f, 250_123, AgentKind.PRIORITIZED_SWEEPING, true);
        assertEquals("ep. 414k · 1,234" + NL + "r 250k · 4.56B upd.\nonly where\n|TD\u00a0error|\u00a0>\u00a0theta",
                sweeping[sweeping.length - 1]);
    }
}

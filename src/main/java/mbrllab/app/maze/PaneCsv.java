package mbrllab.app.maze;

import java.util.Locale;

import mbrllab.core.dyna.DynaQ;
import mbrllab.core.maze.Action;
import mbrllab.core.maze.Layout;

/**
 * A maze pane as CSV: one line per free cell and action with Q, whether the action is strictly greedy, what the
 * model knows of the cell and the real visits; optionally how stale each (x, u) is (tau).
 *
 * @param keyName   the first column's name ("n" in the Dyna-maze lab, "agent" in the changing-mazes lab)
 * @param knownName the model column's name
 * @param withTau   whether there is a tau column (empty where no tau is given)
 */
public record PaneCsv(String keyName, String knownName, boolean withTau) {

    /** The Dyna-maze lab's table: {@code n,row,col,action,q,strictly_greedy,model_next_known,visits}. */
    public static final PaneCsv BY_N = new PaneCsv("n", "model_next_known", false);
    /** The changing-mazes lab's table: {@code agent,row,col,action,q,strictly_greedy,tau,model_knows_state,visits}. */
    public static final PaneCsv BY_AGENT = new PaneCsv("agent", "model_knows_state", true);

    /**
     * @param key the first column's value on every line
     * @param tau tau per (x, u) as x * 4 + u, or null
     */
    public String write(String key, PaneFrame p, double[] tau) {
        StringBuilder sb = new StringBuilder(keyName).append(",row,col,action,q,strictly_greedy,")
                .append(withTau ? "tau," : "").append(knownName).append(",visits\n");
        Layout l = p.layout();
        for (int x = 0; x < l.cellCount(); x++) {
            int r = x / l.cols();
            int c = x % l.cols();
            if (l.isWall(r, c)) {
                continue;
            }
            int best = DynaQ.strictlyBestAction(p.q(), x);
            for (int u = 0; u < Action.COUNT; u++) {
                sb.append(key).append(',').append(r).append(',').append(c).append(',').append(Action.of(u).label())
                        .append(',').append(String.format(Locale.ROOT, "%.9f", p.q()[x * 4 + u])).append(',')
                        .append(best == u).append(',');
                if (withTau) {
                    sb.append(tau == null ? "" : Long.toString((long) tau[x * 4 + u])).append(',');
                }
                sb.append(p.known()[x]).append(',').append(p.visits()[x]).append('\n');
            }
        }
        return sb.toString();
    }
}

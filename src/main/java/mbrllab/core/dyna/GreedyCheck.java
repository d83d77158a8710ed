package mbrllab.core.dyna;

import mbrllab.core.maze.Action;
import mbrllab.core.maze.MazeDynamics;

/**
 * Is an agent's greedy policy optimal on a (deterministic) maze layout? "Optimal solution" in the sense of
 * Sutton and Barto's Example 8.4: the greedy policy leads from S to G in the shortest-path number of steps.
 * Ties make "the greedy policy" ambiguous, so the check is the strict version: <b>every</b> greedy policy, however
 * ties among maximal actions are broken, must do so. Equivalently, from every state reachable from S by
 * greedy actions, every action of maximal Q(x,u) moves one step closer to G (distances by breadth-first
 * search on the layout). Slip is ignored: this is about the layout's shortest path.
 *
 * <p>Built once per layout (the distances are computed then); a check costs O(states on greedy paths) and
 * allocates nothing. Not thread-safe (it keeps scratch arrays).
 */
public final class GreedyCheck {

    private static final int A = Action.COUNT;

    private final MazeDynamics dynamics;
    private final int[] distance;
    private final int start;
    private final int goal;
    private final int[] stack;
    private final int[] mark;
    private int stamp;

    /** A check against {@code dynamics}' layout, whose G must be reachable from S. */
    public GreedyCheck(MazeDynamics dynamics) {
        this.dynamics = dynamics;
        this.distance = dynamics.layout().distancesTo(dynamics.layout().goal());
        this.start = dynamics.start();
        this.goal = dynamics.goal();
        if (distance[start] < 0) {
            throw new IllegalArgumentException("G cannot be reached from S in this layout");
        }
        this.stack = new int[dynamics.stateCount()];
        this.mark = new int[dynamics.stateCount()];
    }

    /** The shortest path from S to G in moves. */
    public int shortestPath() {
        return distance[start];
    }

    /** True when every greedy policy of {@code agent}'s Q reaches G from S in {@link #shortestPath()} steps. */
    public boolean isOptimal(MazeAgent agent) {
        return isOptimal(agent.q);
    }

    /**
     * True when every greedy policy of {@code q} reaches G from S in {@link #shortestPath()} steps.
     *
     * @param q Q indexed x * 4 + u, of length at least states * 4; read only
     */
    public boolean isOptimal(double[] q) {
        if (++stamp == 0) {
            java.util.Arrays.fill(mark, 0);
            stamp = 1;
        }
        int top = 0;
        stack[top++] = start;
        mark[start] = stamp;
        while (top > 0) {
            int x = stack[--top];
            int base = x * A;
            double best = Math.max(Math.max(q[base], q[base + 1]), Math.max(q[base + 2], q[base + 3]));
            int closer = distance[x] - 1;
            for (int u = 0; u < A; u++) {
                if (q[base + u] != best) {
                    continue;
                }
                int y = dynamics.next(x, u);
                if (distance[y] != closer) {
                    return false;
                }
                if (y != goal && mark[y] != stamp) {
                    mark[y] = stamp;
                    stack[top++] = y;
                }
            }
        }
        return true;
    }

    /**
     * Steps the greedy policy takes from S to G with ties broken by the first index (up, down, left, right), or -1
     * when it does not arrive within the number of states (then it loops).
     *
     * @param q Q indexed x * 4 + u; read only
     */
    public int firstIndexGreedyPathLength(double[] q) {
        int x = start;
        int limit = dynamics.stateCount();
        for (int steps = 1; steps <= limit; steps++) {
            int base = x * A;
            int best = 0;
            for (int u = 1; u < A; u++) {
                if (q[base + u] > q[base + best]) {
                    best = u;
                }
            }
            x = dynamics.next(x, best);
            if (x == goal) {
                return steps;
            }
        }
        return -1;
    }
}

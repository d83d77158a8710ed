package mbrllab.app.maze;

/**
 * Which layers a maze pane draws.
 *
 * @param qTriangles    four triangles per cell coloured by Q(x,u)
 * @param greedyArrows  an arrow where one action is strictly best
 * @param stateValues   max_u Q(x,u) written in each cell
 * @param visitCounts   real visits written in each cell
 * @param modelKnown    a marker in cells the model knows
 * @param planning      the last planning update: sampled (x,u) outlined, arrow to the predicted x'
 * @param trail         the agent's recent path
 */
public record Overlays(boolean qTriangles, boolean greedyArrows, boolean stateValues, boolean visitCounts,
                       boolean modelKnown, boolean planning, boolean trail) {

    /** What a pane shows by default. */
    public static Overlays defaults() {
        return new Overlays(true, true, false, false, true, true, true);
    }
}

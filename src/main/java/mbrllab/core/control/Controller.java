package mbrllab.core.control;

/** Chooses the force of a control step from what the learner observes. */
@FunctionalInterface
public interface Controller {

    /**
     * @param observation the observed state {x, x', theta, theta'} (noisy where the task says so); not modified
     * @param t           the step index, 0 for the first force
     * @return the force F [N] (the task clips it); finite
     */
    double force(double[] observation, int t);
}

package mbrllab.core.models.transition;

import java.util.random.RandomGenerator;

import mbrllab.core.cartpole.CartPoleState;
import mbrllab.core.control.CartPoleTask;

/**
 * The task's own physics as a model ({@link CartPoleTask#step}, the force clipped as the task does): one member,
 * deterministic, exact. With it a planner's failures are planning errors, not model errors.
 */
public final class TrueTransitionModel implements TransitionModel {

    private static final int D = CartPoleState.DIMENSION;

    private final CartPoleTask task;

    public TrueTransitionModel(CartPoleTask task) {
        if (task == null) {
            throw new IllegalArgumentException("task must not be null");
        }
        this.task = task;
    }

    /** The task whose physics this is. */
    public CartPoleTask task() {
        return task;
    }

    @Override
    public TransitionModelKind kind() {
        return TransitionModelKind.TRUE;
    }

    @Override
    public int members() {
        return 1;
    }

    @Override
    public boolean stochastic() {
        return false;
    }

    @Override
    public Stepper stepper(int capacity) {
        if (capacity < 1 || capacity > 65_536) {
            throw new IllegalArgumentException("capacity must be in [1, 65536], got " + capacity);
        }
        return new Stepper() {
            private final double[] s = new double[D];
            private final double[] work = new double[task.workLength()];

            @Override
            public TransitionModel model() {
                return TrueTransitionModel.this;
            }

            @Override
            public void predict(int member, double[] states, double[] forces, int count, double[] next) {
                TransitionModels.checkBatch(member, 1, states, forces, count, next);
                for (int row = 0; row < count; row++) {
                    System.arraycopy(states, row * D, s, 0, D);
                    task.step(s, forces[row], work);
                    System.arraycopy(s, 0, next, row * D, D);
                }
            }

            @Override
            public void sample(int member, double[] states, double[] forces, int count, double[] next,
                               RandomGenerator rng) {
                predict(member, states, forces, count, next);
            }
        };
    }
}

package mbrllab.core.models.transition;

import mbrllab.core.cartpole.CartPoleState;

/** Checks shared by the {@link TransitionModel} implementations. */
final class TransitionModels {

    private TransitionModels() {
    }

    static void checkBatch(int member, int members, double[] states, double[] forces, int count, double[] next) {
        if (member < 0 || member >= members) {
            throw new IndexOutOfBoundsException("member " + member + " of " + members);
        }
        int d = CartPoleState.DIMENSION;
        if (count < 0 || states.length < count * d || forces.length < count || next.length < count * d) {
            throw new IllegalArgumentException("states and next need " + count + " x " + d + " values and forces "
                    + count + ", got " + states.length + ", " + next.length + " and " + forces.length);
        }
    }
}

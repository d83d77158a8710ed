package mbrllab.core.dyna.debug;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.List;

import mbrllab.TestMazes;
import mbrllab.core.dyna.DynaListener;
import mbrllab.core.dyna.DynaParams;
import mbrllab.core.dyna.DynaQ;
import mbrllab.core.dyna.DynaUpdate;
import mbrllab.core.maze.MazeDynamics;

/**
 * The reference the debugger is checked against: a plain {@link DynaQ} driven by its own methods, one real step
 * and then its planning updates, recording every update. Knows nothing of snapshots or chunks.
 */
final class Oracle implements DynaListener {

    final DynaQ agent;
    final int n;
    /** Every update so far, by index (only when recording). */
    final List<DynaUpdate> updates = new ArrayList<>();
    private final boolean record;
    DynaUpdate last;
    private int pending;

    Oracle(DynaParams params, MazeDynamics world, long realSeed, long planSeed, boolean record) {
        this.agent = new DynaQ(params, world, realSeed, planSeed);
        this.n = params.n();
        this.record = record;
        agent.setListener(this);
    }

    @Override
    public void onUpdate(DynaUpdate update) {
        last = update;
        if (record) {
            updates.add(update);
        }
    }

    /** Steps, one update at a time, until {@code position} updates have been made. */
    Oracle advanceTo(long position) {
        while (agent.updates() < position) {
            if (pending == 0) {
                agent.realStep();
                pending = n;
            } else {
                agent.planningUpdate();
                pending--;
            }
        }
        return this;
    }

    int pending() {
        return pending;
    }

    static MazeDynamics dynaMaze() throws Exception {
        return new MazeDynamics(TestMazes.dynaMaze().layout());
    }

    static long[] bits(double[] q) {
        long[] b = new long[q.length];
        for (int i = 0; i < q.length; i++) {
            b[i] = Double.doubleToRawLongBits(q[i]);
        }
        return b;
    }

    static void assertSameBits(double[] expected, double[] actual, String what) {
        assertArrayEquals(bits(expected), bits(actual), what);
    }
}

package mbrllab.core.models.dynamics;

import java.util.List;

import mbrllab.core.models.ensemble.EnsembleSpec;
import mbrllab.core.models.gp.GpSpec;

/** The fitting settings used for cart-pole dynamics models by {@code models rollout} and the models lab. */
public final class DynamicsModels {

    private DynamicsModels() {
    }

    /** The GP's defaults ({@link GpSpec#defaults()}): one GP per state difference, 5 starts. */
    public static GpSpec gp() {
        return GpSpec.defaults();
    }

    /**
     * 5 members with two hidden layers of 64, at least 5,000 Adam steps of 32 at learning rate 3e-3, weight decay
     * 1e-4, bound penalty 0.01. In a trial on 400 random-action transitions (10 held-out windows, TS1), the
     * ensemble's one-step rmse fell from 0.117 with {@link EnsembleSpec#dynamics()} (2,000 steps at 1e-3) to 0.066
     * with 5,000 steps at 1e-3 and to 0.034 with these settings (about 2.7 s on two cores); {@code models rollout
     * --model ensemble --method ts1 --seed 1} gives 0.024 with them, the GP 0.005.
     */
    public static EnsembleSpec ensemble() {
        return new EnsembleSpec(5, List.of(64, 64), 50, 5000, 32, 3e-3, 1e-4, 0.01);
    }
}

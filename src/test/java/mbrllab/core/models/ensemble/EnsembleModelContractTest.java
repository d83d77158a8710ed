package mbrllab.core.models.ensemble;

import mbrllab.core.models.ModelSpec;
import mbrllab.core.models.RegressionModelContract;

/** The {@link RegressionModelContract} for the probabilistic ensemble. */
class EnsembleModelContractTest extends RegressionModelContract {

    @Override
    protected ModelSpec spec() {
        return EnsembleSpec.playground();
    }

    @Override
    protected ModelSpec quickSpec() {
        return EnsembleSpec.playground().withMinSteps(400);
    }
}

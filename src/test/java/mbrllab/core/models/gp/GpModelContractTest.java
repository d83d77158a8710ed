package mbrllab.core.models.gp;

import mbrllab.core.models.ModelSpec;
import mbrllab.core.models.RegressionModelContract;

/** The {@link RegressionModelContract} for the GP. */
class GpModelContractTest extends RegressionModelContract {

    @Override
    protected ModelSpec spec() {
        return GpSpec.defaults();
    }

    @Override
    protected ModelSpec quickSpec() {
        return GpSpec.defaults().withRestarts(2);
    }
}

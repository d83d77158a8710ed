/**
 * PILCO (Deisenroth and Rasmussen, ICML 2011), the lecture's case study, on the cart-pole swing-up shared with the
 * planning lab ({@link mbrllab.core.control.SwingUpTask}).
 *
 * <ul>
 *   <li>{@link mbrllab.core.pilco.GpDynamics}: one GP per state component on the change of the state, inputs
 *       (x, x', theta', sin theta, cos theta, u), ML-II with pilco-matlab's penalty on the hyperparameters.</li>
 *   <li>{@link mbrllab.core.pilco.RbfPolicy}: the RBF network with the sine squashing, pilco-matlab's pseudo-target
 *       parametrisation.</li>
 *   <li>{@link mbrllab.core.pilco.PolicyEvaluation}: the expected total cost of a policy by moment matching through
 *       sin/cos, the policy and the GPs, and its exact gradient by one backward pass.</li>
 *   <li>{@link mbrllab.core.pilco.PilcoLearner}: the loop of trials: random forces first, then train, optimise
 *       (pilco-matlab's BFGS, {@link mbrllab.core.optim.Bfgs}), apply, add the data.</li>
 * </ul>
 * Plain Java: the parallel pieces run on the caller's executor and are combined in a fixed order, so a seed gives
 * the same run to the bit.
 */
package mbrllab.core.pilco;

package mbrllab.core.acceleration;

/**
 * The counters of the lecture's "model-based acceleration of DQN" picture, one per process, and the sizes of its two
 * datasets.
 *
 * @param realSteps        process 1, collect data: real steps taken
 * @param episodes         real episodes finished
 * @param qUpdates         process 2, Q-function regression: minibatch updates
 * @param targetUpdates    process 3, target network update: hard copies or Polyak steps
 * @param modelRefits      process 4, model training: refits done
 * @param modelSteps       process 4: Adam steps of those refits, summed over members
 * @param modelRollouts    process 5, model-data collection: rollouts started
 * @param modelTransitions process 5: model transitions written to the model buffer
 * @param realBufferSize   transitions in the real buffer
 * @param modelBufferSize  transitions in the model buffer
 * @param targetUpdateStep the real step after which the latest target network update was made (0 before the first),
 *                         so that a view sampling the counters now and then still knows when process 3 ran
 * @param refitStep        the real step after which the latest model refit was made (0 before the first)
 */
public record ProcessCounters(long realSteps, long episodes, long qUpdates, long targetUpdates, long modelRefits,
                              long modelSteps, long modelRollouts, long modelTransitions, int realBufferSize,
                              int modelBufferSize, long targetUpdateStep, long refitStep) {
}

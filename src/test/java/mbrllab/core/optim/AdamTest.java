package mbrllab.core.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AdamTest {

    @Test
    void firstStepMovesEachParameterByTheLearningRate() {
        // with bias correction, m_hat = g and v_hat = g^2 at t = 1: the step is lr * g / (|g| + eps)
        Adam adam = new Adam(3, Adam.Settings.withLearningRate(0.01));
        double[] theta = {1, 2, 3};
        adam.step(theta, new double[] {5, -0.1, 0});
        assertEquals(1 - 0.01, theta[0], 1e-9);
        assertEquals(2 + 0.01, theta[1], 1e-9);
        assertEquals(3, theta[2], 0);
        assertEquals(1, adam.steps());
    }

    @Test
    void minimisesAQuadratic() {
        Adam adam = new Adam(2, Adam.Settings.withLearningRate(0.05));
        double[] theta = {3, -4};
        double[] g = new double[2];
        for (int t = 0; t < 2000; t++) {
            g[0] = 2 * (theta[0] - 1);
            g[1] = 20 * (theta[1] + 2);
            adam.step(theta, g);
        }
        assertEquals(1, theta[0], 1e-3);
        assertEquals(-2, theta[1], 1e-3);
    }

    @Test
    void validates() {
        assertThrows(IllegalArgumentException.class, () -> Adam.Settings.withLearningRate(0));
        assertThrows(IllegalArgumentException.class, () -> new Adam.Settings(0.1, 1, 0.999, 1e-8));
        assertThrows(IllegalArgumentException.class, () -> new Adam(0, Adam.Settings.withLearningRate(0.1)));
        Adam adam = new Adam(2, Adam.Settings.withLearningRate(0.1));
        assertThrows(IllegalArgumentException.class, () -> adam.step(new double[3], new double[3]));
    }
}

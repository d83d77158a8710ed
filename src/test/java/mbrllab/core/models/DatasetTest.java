package mbrllab.core.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DatasetTest {

    @Test
    void rowMajorAccessAndDefensiveCopies() {
        double[] x = {1, 2, 3, 4, 5, 6};
        double[] y = {10, 20, 30};
        Dataset data = new Dataset(x, y, 2, 1);
        x[0] = 99;
        assertEquals(3, data.size());
        assertEquals(1, data.x(0, 0));
        assertEquals(6, data.x(2, 1));
        assertEquals(20, data.y(1, 0));
        data.inputs()[1] = 99;
        assertEquals(2, data.x(0, 1));
        assertArrayEquals(new double[] {30, 10, 30}, data.select(new int[] {2, 0, 2}).target(0), 0);
    }

    @Test
    void rejectsBadShapesAndValues() {
        assertThrows(IllegalArgumentException.class, () -> new Dataset(new double[3], new double[2], 2, 1));
        assertThrows(IllegalArgumentException.class, () -> new Dataset(new double[4], new double[3], 2, 1));
        assertThrows(IllegalArgumentException.class, () -> new Dataset(new double[0], new double[0], 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Dataset(new double[] {Double.NaN}, new double[1], 1, 1));
        assertThrows(IllegalArgumentException.class,
                () -> new Dataset(new double[1], new double[] {Double.POSITIVE_INFINITY}, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Dataset(new double[2], new double[2], 0, 1));
    }

    @Test
    void predictionChecksItsVariances() {
        assertThrows(IllegalArgumentException.class,
                () -> new Prediction(1, new double[1], new double[] {-1e-3}, new double[1]));
        assertThrows(IllegalArgumentException.class,
                () -> new Prediction(2, new double[3], new double[3], new double[3]));
        Prediction p = new Prediction(2, new double[] {1, 2, 3, 4}, new double[] {0.1, 0.2, 0.3, 0.4},
                new double[] {1, 1, 1, 1});
        assertEquals(2, p.points());
        assertEquals(4, p.mean(1, 1));
        assertEquals(1.3, p.totalVar(1, 0), 1e-15);
    }
}

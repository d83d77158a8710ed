package mbrllab.core.planning;

/** Selecting the best candidates. */
final class Elites {

    private Elites() {
    }

    /**
     * Fills {@code out} with the indices of the {@code out.length} largest of {@code values[0 .. count)}, best first;
     * of equal values the lower index comes first. O(count * k), no allocation.
     */
    static void top(double[] values, int count, int[] out) {
        int k = out.length;
        int size = 0;
        for (int i = 0; i < count; i++) {
            double v = values[i];
            int pos;
            if (size < k) {
                pos = size++;
            } else if (v > values[out[k - 1]]) {
                pos = k - 1;
            } else {
                continue;
            }
            while (pos > 0 && v > values[out[pos - 1]]) {
                out[pos] = out[pos - 1];
                pos--;
            }
            out[pos] = i;
        }
    }
}

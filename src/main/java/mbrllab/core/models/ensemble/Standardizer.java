package mbrllab.core.models.ensemble;

/**
 * Per-column affine standardisation z = (v - mean) / std of n x c row-major data; a column with
 * (almost) no spread gets std 1. Immutable. The ensemble's and the single net's (transition models) scaling.
 */
public final class Standardizer {

    private final double[] mean;
    private final double[] std;

    private Standardizer(double[] mean, double[] std) {
        this.mean = mean;
        this.std = std;
    }

    /** Column means and (population) standard deviations of {@code data}, n x columns row-major. */
    public static Standardizer of(double[] data, int columns) {
        int n = data.length / columns;
        double[] mean = new double[columns];
        double[] std = new double[columns];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < columns; c++) {
                mean[c] += data[i * columns + c];
            }
        }
        for (int c = 0; c < columns; c++) {
            mean[c] /= n;
        }
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < columns; c++) {
                double e = data[i * columns + c] - mean[c];
                std[c] += e * e;
            }
        }
        for (int c = 0; c < columns; c++) {
            double s = Math.sqrt(std[c] / n);
            std[c] = s > 1e-12 * Math.max(1, Math.abs(mean[c])) ? s : 1;
        }
        return new Standardizer(mean, std);
    }

    public int columns() {
        return mean.length;
    }

    public double mean(int c) {
        return mean[c];
    }

    public double std(int c) {
        return std[c];
    }

    /** A standardised copy of n x columns data; {@code data} is not modified. */
    double[] apply(double[] data) {
        int columns = mean.length;
        double[] z = new double[data.length];
        for (int i = 0; i < data.length; i++) {
            int c = i % columns;
            z[i] = (data[i] - mean[c]) / std[c];
        }
        return z;
    }

    /**
     * Standardises the first {@code length} values of n x columns data into {@code dest} (same arithmetic as
     * {@link #apply}); no allocation. {@code data} is not modified unless it is {@code dest}.
     */
    void applyInto(double[] data, int length, double[] dest) {
        int columns = mean.length;
        for (int i = 0; i < length; i++) {
            int c = i % columns;
            dest[i] = (data[i] - mean[c]) / std[c];
        }
    }
}

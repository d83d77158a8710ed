package mbrllab.core.models;

/**
 * A model's predictive distribution at m query points with p outputs each: for point i and output k, the
 * mean, the epistemic variance (what more data would remove: the GP's posterior variance of f, the
 * variance of the ensemble members' means) and the aleatoric variance (the noise in the targets: the GP's
 * noise variance, the mean of the members' variances). The predictive variance of a fresh target is their
 * sum. Immutable; arrays are m x p row-major, copied in and out.
 */
public final class Prediction {

    private final int points;
    private final int outputDim;
    private final double[] mean;
    private final double[] epistemicVar;
    private final double[] aleatoricVar;

    /**
     * @param outputDim    p >= 1
     * @param mean         m x p means; copied
     * @param epistemicVar m x p variances, each >= 0; copied
     * @param aleatoricVar m x p variances, each >= 0; copied
     */
    public Prediction(int outputDim, double[] mean, double[] epistemicVar, double[] aleatoricVar) {
        if (outputDim < 1) {
            throw new IllegalArgumentException("outputDim must be >= 1, got " + outputDim);
        }
        if (mean.length % outputDim != 0 || epistemicVar.length != mean.length || aleatoricVar.length != mean.length) {
            throw new IllegalArgumentException("mean, epistemicVar and aleatoricVar must each hold m x " + outputDim
                    + " values, got lengths " + mean.length + ", " + epistemicVar.length + ", " + aleatoricVar.length);
        }
        for (int i = 0; i < mean.length; i++) {
            if (!(epistemicVar[i] >= 0) || !(aleatoricVar[i] >= 0)) {
                throw new IllegalArgumentException("variances must be >= 0, got epistemic " + epistemicVar[i]
                        + " and aleatoric " + aleatoricVar[i] + " at entry " + i);
            }
        }
        this.points = mean.length / outputDim;
        this.outputDim = outputDim;
        this.mean = mean.clone();
        this.epistemicVar = epistemicVar.clone();
        this.aleatoricVar = aleatoricVar.clone();
    }

    /** Number of query points m. */
    public int points() {
        return points;
    }

    /** Output dimension p. */
    public int outputDim() {
        return outputDim;
    }

    public double mean(int i, int k) {
        return mean[i * outputDim + k];
    }

    public double epistemicVar(int i, int k) {
        return epistemicVar[i * outputDim + k];
    }

    public double aleatoricVar(int i, int k) {
        return aleatoricVar[i * outputDim + k];
    }

    /** Predictive variance of a fresh target: epistemic + aleatoric. */
    public double totalVar(int i, int k) {
        int at = i * outputDim + k;
        return epistemicVar[at] + aleatoricVar[at];
    }

    /** A copy of the means, m x p row-major. */
    public double[] means() {
        return mean.clone();
    }

    /** A copy of the epistemic variances, m x p row-major. */
    public double[] epistemicVars() {
        return epistemicVar.clone();
    }

    /** A copy of the aleatoric variances, m x p row-major. */
    public double[] aleatoricVars() {
        return aleatoricVar.clone();
    }
}

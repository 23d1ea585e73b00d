package org.expanderexplorer.core.model;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * The measured inference time of a pruned model against its dense original on this machine: the same seeded
 * random sequences through both, alternately, after warm-up runs; the medians and their ratio. Times depend on
 * the machine and its load (the figure says how fast here, now), not on the input values.
 *
 * @param path          the inference path, {@link VectorInference#describe()}
 * @param kernels       the pruned model's kernel per matrix ({@link CompiledNetwork#kernels()}), empty on the
 *                      Deeplearning4j path
 * @param sequences     sequences per timed pass
 * @param steps         time steps per sequence
 * @param rounds        timed passes of each model
 * @param denseMillis   median milliseconds of a dense pass
 * @param prunedMillis  median milliseconds of a pruned pass
 * @param speedUp       denseMillis / prunedMillis
 */
public record InferenceSpeed(String path, List<String> kernels, int sequences, int steps, int rounds,
                             double denseMillis, double prunedMillis, double speedUp) {

    /** Floating-point work of one timed pass, about: a pass of the sample LSTM-128 on 1,000 MNIST rows. */
    static final double WORK_PER_PASS = 4.5e9;

    public InferenceSpeed {
        kernels = List.copyOf(kernels);
    }

    /**
     * Times {@code model} with and without {@code masks}.
     *
     * @param steps time steps per sequence (the model's data set's, e.g. 28 for sequential MNIST)
     * @param seed  seed of the random input values
     */
    public static InferenceSpeed measure(RecurrentClassifier model, WeightMasks masks, int steps, long seed) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(masks, "masks");
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be at least 1, got " + steps);
        }
        ModelSpec spec = model.spec();
        double perSequence = 0;
        for (int l = 0; l < spec.layers(); l++) {
            perSequence += 2.0 * steps * spec.cell().gates() * spec.hidden() * (spec.layerInputs(l) + spec.hidden());
        }
        int n = (int) Math.max(48, Math.min(1000, Math.round(WORK_PER_PASS / perSequence)));
        float[] x = new float[Math.multiplyExact(n, steps * spec.inputs())];
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int k = 0; k < x.length; k++) {
            x[k] = (float) rnd.nextGaussian();
        }
        Supplier<float[]> dense;
        Supplier<float[]> pruned;
        List<String> kernels;
        if (VectorInference.available()) {
            VectorInference.warmUp();
            NetworkWeights w = model.weights();
            CompiledNetwork d = CompiledNetwork.of(w);
            CompiledNetwork p = CompiledNetwork.of(w.masked(masks));
            dense = () -> d.probabilities(x, n, steps);
            pruned = () -> p.probabilities(x, n, steps);
            kernels = p.kernels();
        } else {
            RecurrentClassifier copy = model.copy();
            copy.applyMasks(masks);
            dense = () -> toFloats(model.probabilities(x, n, steps));
            pruned = () -> toFloats(copy.probabilities(x, n, steps));
            kernels = List.of();
        }
        // slow models (a 2048-unit LSTM takes seconds a pass) get fewer rounds
        long t0 = System.nanoTime();
        dense.get();
        pruned.get();
        int rounds = System.nanoTime() - t0 > 2_000_000_000L ? 3 : 7;
        if (rounds == 7) {
            dense.get();
            pruned.get();
        }
        double[] d = new double[rounds];
        double[] p = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            d[r] = millis(dense);
            p[r] = millis(pruned);
        }
        double dm = median(d);
        double pm = median(p);
        return new InferenceSpeed(VectorInference.describe(), kernels, n, steps, rounds, dm, pm, dm / pm);
    }

    /**
     * E.g. {@code dense 35.2 ms, pruned 17.6 ms: 2.00x faster (1000 sequences of 28 steps, vector API, ...)}.
     */
    public String describe() {
        return String.format(java.util.Locale.ROOT, "dense %.1f ms, pruned %.1f ms: %.2fx %s (%d sequences of %d "
                + "steps, %s)", denseMillis, prunedMillis, speedUp >= 1 ? speedUp : 1 / speedUp,
                speedUp >= 1 ? "faster" : "slower", sequences, steps, path);
    }

    private static double millis(Supplier<float[]> run) {
        long t0 = System.nanoTime();
        run.get();
        return (System.nanoTime() - t0) / 1e6;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static float[] toFloats(double[][] p) {
        float[] out = new float[p.length * (p.length == 0 ? 0 : p[0].length)];
        for (int i = 0; i < p.length; i++) {
            for (int j = 0; j < p[i].length; j++) {
                out[i * p[i].length + j] = (float) p[i][j];
            }
        }
        return out;
    }
}

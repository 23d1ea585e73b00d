package org.expanderexplorer.core.model;

import java.util.Arrays;
import java.util.concurrent.CancellationException;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The forward pass of a {@link CompiledNetwork} in the JDK's vector API (incubator module
 * {@code jdk.incubator.vector}; decisions 0024 and 0025): sequences go through the network in panels of
 * {@link #PANEL} at once, each activation a row of the panel, so that every vector operation works on
 * {@link #LANES} sequences. Per step and layer: one product of the packed weights with [x_t; h_{t-1}] (bias
 * included, the h part skipped at t = 0 where h is zero), four output rows at a time held in twelve vector
 * registers; then the gate loop (LSTM: c = f c + i g, h = o tanh(c); RNN: h = tanh) writes h_t straight into the
 * next step's [x; h]. After the last step the readout and the softmax.
 *
 * <p>Why hand-written: the products are small (K = 156, 512 rows, a panel of 48 columns) and interleaved with the
 * gate loop; libnd4j's fused LSTM operation and Deeplearning4j's own layer reached a fifth of one core's peak, and
 * numpy with OpenBLAS was 2.5x faster (issue measurements in docs/performance.md). This kernel keeps a panel's
 * whole state (weights excepted) in the first-level cache and needs no call into native code. The sigmoid is
 * 1 / (1 + exp(-x)) with the vector API's exp (Intel's SVML on x86, within 1 ulp in float); tanh a rational
 * function ({@link #tanh}, decision 0034). Both within 3e-7 of the exact functions; the probabilities within 1e-5
 * of Deeplearning4j's float kernels (tests).
 *
 * <p>A panel's inputs are copied once, straight into step-major rows ({@link SequenceSource}), so that each step's
 * x_t is one block copy into [x; h].
 *
 * <p>Cost per sequence O(T * rows * K) dense, O(T * kept weights) sparse, plus O(T * H) for the gates. One
 * instance per call: its scratch buffers (a few hundred KB for H = 128) are reused for every panel and step, so
 * nothing is allocated per step. Not thread-safe.
 */
final class VectorKernels {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    /** Floats per vector: 16 with AVX-512, 8 with AVX2. */
    static final int LANES = S.length();
    /** Sequences computed together: three vectors, the width of the register block. */
    static final int PANEL = 3 * LANES;

    /**
     * Where the sequences come from: copies sequence {@code j}'s value (t, f) to {@code dest[at + (t * inputs + f)
     * * stride]}, its steps already laid out as the panel's rows.
     */
    interface SequenceSource {
        void copy(int j, float[] dest, int at, int stride);
    }

    private final ModelSpec spec;
    private final CompiledLayer[] layers;
    private final float[] readout;
    private final float[] readoutBias;
    private final int steps;
    private final int inputs;
    private final float[][] cur;
    private final float[][] next;
    private final float[][] cell;
    /** The pre-activations of one step and layer, four rows per group x {@link #PANEL}. */
    final float[] gates;
    /** The panel's inputs, row (t * inputs + f) holding value (t, f) of each of its sequences. */
    private final float[] sequences;
    private final float[] logits;

    /** The kernels of {@link CompiledNetwork#newKernels(int)}: its layers and readout, shared, not modified. */
    VectorKernels(ModelSpec spec, CompiledLayer[] layers, float[] readout, float[] readoutBias, int steps) {
        this.spec = spec;
        this.layers = layers;
        this.readout = readout;
        this.readoutBias = readoutBias;
        this.steps = steps;
        this.inputs = spec.inputs();
        cur = new float[layers.length][];
        next = new float[layers.length][];
        cell = new float[layers.length][];
        int rows = 0;
        for (int l = 0; l < layers.length; l++) {
            CompiledLayer ly = layers[l];
            cur[l] = new float[ly.k() * PANEL];
            next[l] = new float[ly.k() * PANEL];
            cell[l] = new float[ly.hidden * PANEL];
            rows = Math.max(rows, ly.groups * 4);
        }
        gates = new float[rows * PANEL];
        sequences = new float[Math.multiplyExact(PANEL, Math.multiplyExact(steps, inputs))];
        logits = new float[spec.classes() * PANEL];
    }

    /** Probabilities of sequences 0 .. n-1 of {@code source} into {@code out} [n * classes]. */
    void forward(SequenceSource source, int n, float[] out) {
        for (int p0 = 0; p0 < n; p0 += PANEL) {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("inference interrupted"); // superseded: stop between panels
            }
            int width = Math.min(PANEL, n - p0);
            // straight into the panel's rows (a transpose while copying): each step's x_t is then one block copy
            for (int j = 0; j < width; j++) {
                source.copy(p0 + j, sequences, j, PANEL);
            }
            panel();
            readout(cur[cur.length - 1], layers[cur.length - 1].inputs, p0, width, out);
        }
    }

    /** All steps of all layers for the sequences now in {@link #sequences}; the last h ends up in {@link #cur}. */
    private void panel() {
        int layers = cur.length;
        for (int l = 0; l < layers; l++) {
            Arrays.fill(cell[l], 0f);
        }
        loadInputs(0, cur[0]);
        for (int t = 0; t < steps; t++) {
            for (int l = 0; l < layers; l++) {
                CompiledLayer ly = this.layers[l];
                layerStep(ly, cur[l], next[l], cell[l], t == 0);
                if (l + 1 < layers) {
                    // this step's h of layer l is the input of layer l + 1
                    System.arraycopy(next[l], ly.inputs * PANEL, cur[l + 1], 0, ly.hidden * PANEL);
                }
            }
            if (t + 1 < steps) {
                loadInputs(t + 1, next[0]);
            }
            for (int l = 0; l < layers; l++) {
                float[] swap = cur[l];
                cur[l] = next[l];
                next[l] = swap;
            }
        }
    }

    /**
     * x_t of every sequence of the panel into rows 0 .. inputs-1 of {@code z}. Columns past the panel's width hold
     * an earlier panel's sequences (or zeros): computed like the others, never read out.
     */
    private void loadInputs(int t, float[] z) {
        System.arraycopy(sequences, t * inputs * PANEL, z, 0, inputs * PANEL);
    }

    private void layerStep(CompiledLayer ly, float[] z, float[] out, float[] c, boolean first) {
        for (int g = 0; g < ly.groups; g++) {
            boolean add = false;
            for (CompiledLayer.Part p : ly.parts) {
                if (!first || p.firstLen > 0) {
                    product(p, g, z, ly.bias, add, first);
                    add = true;
                }
            }
        }
        int h0 = ly.inputs * PANEL;
        if (ly.lstm) {
            lstmGates(ly.hidden, c, out, h0);
        } else {
            rnnGates(ly.hidden, out, h0);
        }
    }

    /**
     * Group {@code g}'s four rows of one part into {@link #gates}: from the bias, or added to what is there; at
     * the first step only the rows of x (h is zero).
     */
    private void product(CompiledLayer.Part p, int g, float[] z, float[] bias, boolean add, boolean first) {
        if (p.isDense()) {
            denseGroup(p.dense, g * p.kLen * 4, first ? p.firstLen : p.kLen, z, p.zFrom * PANEL, gates,
                    g * 4 * PANEL, bias, g * 4, add);
        } else if (p.span == 4) {
            sparseGroup(p.ptr[g], first ? p.firstEnd[g] : p.ptr[g + 1], p.zRow, p.value, z, gates, g * 4 * PANEL,
                    bias, g * 4, add);
        } else {
            for (int b = 2 * g; b < 2 * g + 2; b++) {
                int[] r = p.runs;
                int i = b * 9;
                sparsePair(r[i], r[first ? i + 1 : i + 2], r[i + 3], r[first ? i + 4 : i + 5], r[i + 6],
                        r[first ? i + 7 : i + 8], p.oneRow, p.oneValue, p.zRow, p.value, z, gates, b * 2 * PANEL,
                        bias, b * 2, add);
            }
        }
    }

    /** Four rows x three vectors: twelve accumulators, one broadcast weight and three loads of z per k and row. */
    static void denseGroup(float[] w, int wo, int kLen, float[] z, int zo, float[] out, int oo,
                                   float[] bias, int bo, boolean add) {
        FloatVector a0;
        FloatVector a1;
        FloatVector a2;
        FloatVector b0;
        FloatVector b1;
        FloatVector b2;
        FloatVector c0;
        FloatVector c1;
        FloatVector c2;
        FloatVector d0;
        FloatVector d1;
        FloatVector d2;
        if (add) {
            a0 = FloatVector.fromArray(S, out, oo);
            a1 = FloatVector.fromArray(S, out, oo + LANES);
            a2 = FloatVector.fromArray(S, out, oo + 2 * LANES);
            b0 = FloatVector.fromArray(S, out, oo + PANEL);
            b1 = FloatVector.fromArray(S, out, oo + PANEL + LANES);
            b2 = FloatVector.fromArray(S, out, oo + PANEL + 2 * LANES);
            c0 = FloatVector.fromArray(S, out, oo + 2 * PANEL);
            c1 = FloatVector.fromArray(S, out, oo + 2 * PANEL + LANES);
            c2 = FloatVector.fromArray(S, out, oo + 2 * PANEL + 2 * LANES);
            d0 = FloatVector.fromArray(S, out, oo + 3 * PANEL);
            d1 = FloatVector.fromArray(S, out, oo + 3 * PANEL + LANES);
            d2 = FloatVector.fromArray(S, out, oo + 3 * PANEL + 2 * LANES);
        } else {
            a0 = FloatVector.broadcast(S, bias[bo]);
            a1 = a0;
            a2 = a0;
            b0 = FloatVector.broadcast(S, bias[bo + 1]);
            b1 = b0;
            b2 = b0;
            c0 = FloatVector.broadcast(S, bias[bo + 2]);
            c1 = c0;
            c2 = c0;
            d0 = FloatVector.broadcast(S, bias[bo + 3]);
            d1 = d0;
            d2 = d0;
        }
        for (int k = 0; k < kLen; k++) {
            int zk = zo + k * PANEL;
            FloatVector x0 = FloatVector.fromArray(S, z, zk);
            FloatVector x1 = FloatVector.fromArray(S, z, zk + LANES);
            FloatVector x2 = FloatVector.fromArray(S, z, zk + 2 * LANES);
            int wk = wo + 4 * k;
            FloatVector v = FloatVector.broadcast(S, w[wk]);
            a0 = v.fma(x0, a0);
            a1 = v.fma(x1, a1);
            a2 = v.fma(x2, a2);
            v = FloatVector.broadcast(S, w[wk + 1]);
            b0 = v.fma(x0, b0);
            b1 = v.fma(x1, b1);
            b2 = v.fma(x2, b2);
            v = FloatVector.broadcast(S, w[wk + 2]);
            c0 = v.fma(x0, c0);
            c1 = v.fma(x1, c1);
            c2 = v.fma(x2, c2);
            v = FloatVector.broadcast(S, w[wk + 3]);
            d0 = v.fma(x0, d0);
            d1 = v.fma(x1, d1);
            d2 = v.fma(x2, d2);
        }
        a0.intoArray(out, oo);
        a1.intoArray(out, oo + LANES);
        a2.intoArray(out, oo + 2 * LANES);
        b0.intoArray(out, oo + PANEL);
        b1.intoArray(out, oo + PANEL + LANES);
        b2.intoArray(out, oo + PANEL + 2 * LANES);
        c0.intoArray(out, oo + 2 * PANEL);
        c1.intoArray(out, oo + 2 * PANEL + LANES);
        c2.intoArray(out, oo + 2 * PANEL + 2 * LANES);
        d0.intoArray(out, oo + 3 * PANEL);
        d1.intoArray(out, oo + 3 * PANEL + LANES);
        d2.intoArray(out, oo + 3 * PANEL + 2 * LANES);
    }

    /**
     * As {@link #denseGroup} over the kept rows of [x; h] only: entries {@code from .. to-1}, each a row of z and
     * the four weights of the group (zero where one of the four is pruned).
     */
    static void sparseGroup(int from, int to, int[] zRow, float[] w, float[] z, float[] out, int oo,
                                   float[] bias, int bo, boolean add) {
        FloatVector a0;
        FloatVector a1;
        FloatVector a2;
        FloatVector b0;
        FloatVector b1;
        FloatVector b2;
        FloatVector c0;
        FloatVector c1;
        FloatVector c2;
        FloatVector d0;
        FloatVector d1;
        FloatVector d2;
        if (add) {
            a0 = FloatVector.fromArray(S, out, oo);
            a1 = FloatVector.fromArray(S, out, oo + LANES);
            a2 = FloatVector.fromArray(S, out, oo + 2 * LANES);
            b0 = FloatVector.fromArray(S, out, oo + PANEL);
            b1 = FloatVector.fromArray(S, out, oo + PANEL + LANES);
            b2 = FloatVector.fromArray(S, out, oo + PANEL + 2 * LANES);
            c0 = FloatVector.fromArray(S, out, oo + 2 * PANEL);
            c1 = FloatVector.fromArray(S, out, oo + 2 * PANEL + LANES);
            c2 = FloatVector.fromArray(S, out, oo + 2 * PANEL + 2 * LANES);
            d0 = FloatVector.fromArray(S, out, oo + 3 * PANEL);
            d1 = FloatVector.fromArray(S, out, oo + 3 * PANEL + LANES);
            d2 = FloatVector.fromArray(S, out, oo + 3 * PANEL + 2 * LANES);
        } else {
            a0 = FloatVector.broadcast(S, bias[bo]);
            a1 = a0;
            a2 = a0;
            b0 = FloatVector.broadcast(S, bias[bo + 1]);
            b1 = b0;
            b2 = b0;
            c0 = FloatVector.broadcast(S, bias[bo + 2]);
            c1 = c0;
            c2 = c0;
            d0 = FloatVector.broadcast(S, bias[bo + 3]);
            d1 = d0;
            d2 = d0;
        }
        for (int p = from; p < to; p++) {
            int zk = zRow[p] * PANEL;
            FloatVector x0 = FloatVector.fromArray(S, z, zk);
            FloatVector x1 = FloatVector.fromArray(S, z, zk + LANES);
            FloatVector x2 = FloatVector.fromArray(S, z, zk + 2 * LANES);
            int wk = 4 * p;
            FloatVector v = FloatVector.broadcast(S, w[wk]);
            a0 = v.fma(x0, a0);
            a1 = v.fma(x1, a1);
            a2 = v.fma(x2, a2);
            v = FloatVector.broadcast(S, w[wk + 1]);
            b0 = v.fma(x0, b0);
            b1 = v.fma(x1, b1);
            b2 = v.fma(x2, b2);
            v = FloatVector.broadcast(S, w[wk + 2]);
            c0 = v.fma(x0, c0);
            c1 = v.fma(x1, c1);
            c2 = v.fma(x2, c2);
            v = FloatVector.broadcast(S, w[wk + 3]);
            d0 = v.fma(x0, d0);
            d1 = v.fma(x1, d1);
            d2 = v.fma(x2, d2);
        }
        a0.intoArray(out, oo);
        a1.intoArray(out, oo + LANES);
        a2.intoArray(out, oo + 2 * LANES);
        b0.intoArray(out, oo + PANEL);
        b1.intoArray(out, oo + PANEL + LANES);
        b2.intoArray(out, oo + PANEL + 2 * LANES);
        c0.intoArray(out, oo + 2 * PANEL);
        c1.intoArray(out, oo + 2 * PANEL + LANES);
        c2.intoArray(out, oo + 2 * PANEL + 2 * LANES);
        d0.intoArray(out, oo + 3 * PANEL);
        d1.intoArray(out, oo + 3 * PANEL + LANES);
        d2.intoArray(out, oo + 3 * PANEL + 2 * LANES);
    }

    /**
     * The two rows of a pair block (an RNN's, {@link CompiledLayer.Part#span} 2), six accumulators: first the
     * entries where only the first row keeps a weight ({@code aFrom .. aTo-1} of {@code oneRow} / {@code oneValue},
     * three multiply-adds each), then those of the second row alone ({@code bFrom .. bTo-1}), then those where both
     * do ({@code from .. to-1} of {@code twoRow} / {@code twoValue}, six). No multiply-add is spent on a pruned
     * weight; each row's sum is its kept products in that order (decision 0034).
     */
    static void sparsePair(int aFrom, int aTo, int bFrom, int bTo, int from, int to, int[] oneRow,
                           float[] oneValue, int[] twoRow, float[] twoValue, float[] z, float[] out, int oo,
                           float[] bias, int bo, boolean add) {
        FloatVector a0;
        FloatVector a1;
        FloatVector a2;
        FloatVector b0;
        FloatVector b1;
        FloatVector b2;
        if (add) {
            a0 = FloatVector.fromArray(S, out, oo);
            a1 = FloatVector.fromArray(S, out, oo + LANES);
            a2 = FloatVector.fromArray(S, out, oo + 2 * LANES);
            b0 = FloatVector.fromArray(S, out, oo + PANEL);
            b1 = FloatVector.fromArray(S, out, oo + PANEL + LANES);
            b2 = FloatVector.fromArray(S, out, oo + PANEL + 2 * LANES);
        } else {
            a0 = FloatVector.broadcast(S, bias[bo]);
            a1 = a0;
            a2 = a0;
            b0 = FloatVector.broadcast(S, bias[bo + 1]);
            b1 = b0;
            b2 = b0;
        }
        for (int p = aFrom; p < aTo; p++) {
            int zk = oneRow[p] * PANEL;
            FloatVector v = FloatVector.broadcast(S, oneValue[p]);
            a0 = v.fma(FloatVector.fromArray(S, z, zk), a0);
            a1 = v.fma(FloatVector.fromArray(S, z, zk + LANES), a1);
            a2 = v.fma(FloatVector.fromArray(S, z, zk + 2 * LANES), a2);
        }
        for (int p = bFrom; p < bTo; p++) {
            int zk = oneRow[p] * PANEL;
            FloatVector v = FloatVector.broadcast(S, oneValue[p]);
            b0 = v.fma(FloatVector.fromArray(S, z, zk), b0);
            b1 = v.fma(FloatVector.fromArray(S, z, zk + LANES), b1);
            b2 = v.fma(FloatVector.fromArray(S, z, zk + 2 * LANES), b2);
        }
        for (int p = from; p < to; p++) {
            int zk = twoRow[p] * PANEL;
            FloatVector x0 = FloatVector.fromArray(S, z, zk);
            FloatVector x1 = FloatVector.fromArray(S, z, zk + LANES);
            FloatVector x2 = FloatVector.fromArray(S, z, zk + 2 * LANES);
            FloatVector v = FloatVector.broadcast(S, twoValue[2 * p]);
            a0 = v.fma(x0, a0);
            a1 = v.fma(x1, a1);
            a2 = v.fma(x2, a2);
            v = FloatVector.broadcast(S, twoValue[2 * p + 1]);
            b0 = v.fma(x0, b0);
            b1 = v.fma(x1, b1);
            b2 = v.fma(x2, b2);
        }
        a0.intoArray(out, oo);
        a1.intoArray(out, oo + LANES);
        a2.intoArray(out, oo + 2 * LANES);
        b0.intoArray(out, oo + PANEL);
        b1.intoArray(out, oo + PANEL + LANES);
        b2.intoArray(out, oo + PANEL + 2 * LANES);
    }

    /** c = sigmoid(f) c + sigmoid(i) tanh(g), h = sigmoid(o) tanh(c), h into rows h0 / PANEL .. of {@code out}. */
    void lstmGates(int hidden, float[] c, float[] out, int h0) {
        for (int u = 0; u < hidden; u++) {
            int g = u * 4 * PANEL;
            int cu = u * PANEL;
            int hu = h0 + u * PANEL;
            for (int j = 0; j < PANEL; j += LANES) {
                FloatVector i = sigmoid(FloatVector.fromArray(S, gates, g + j));
                FloatVector f = sigmoid(FloatVector.fromArray(S, gates, g + PANEL + j));
                FloatVector cand = tanh(FloatVector.fromArray(S, gates, g + 2 * PANEL + j));
                FloatVector o = sigmoid(FloatVector.fromArray(S, gates, g + 3 * PANEL + j));
                FloatVector cv = f.mul(FloatVector.fromArray(S, c, cu + j)).add(i.mul(cand));
                cv.intoArray(c, cu + j);
                o.mul(tanh(cv)).intoArray(out, hu + j);
            }
        }
    }

    /** h = tanh(pre-activation), rows 0 .. hidden-1 of {@link #gates} into rows h0 / PANEL .. of {@code out}. */
    void rnnGates(int hidden, float[] out, int h0) {
        for (int u = 0; u < hidden; u++) {
            int g = u * PANEL;
            int hu = h0 + u * PANEL;
            for (int j = 0; j < PANEL; j += LANES) {
                tanh(FloatVector.fromArray(S, gates, g + j)).intoArray(out, hu + j);
            }
        }
    }

    private static FloatVector sigmoid(FloatVector x) {
        FloatVector one = FloatVector.broadcast(S, 1f);
        return one.div(one.add(x.neg().lanewise(VectorOperators.EXP)));
    }

    /**
     * tanh(x) as x P(x^2) / Q(x^2) on [-7.9, 7.9] (x clamped there; tanh(7.9) = 1 - 2.7e-7), P and Q of degree
     * 4, fitted by docs/bench/tanh_rational_fit.py: within 2.4e-7 of tanh in float (4 units in the last place), odd,
     * never above 1 in magnitude. Only multiply-adds and one division, where 2 / (1 + exp(-2x)) - 1 needs the
     * library's exp as well (decision 0034).
     */
    static FloatVector tanh(FloatVector x) {
        FloatVector xc = x.max(-TANH_CLAMP).min(TANH_CLAMP);
        FloatVector s = xc.mul(xc);
        FloatVector p = s.fma(P4, P3).fma(s, FloatVector.broadcast(S, P2)).fma(s, FloatVector.broadcast(S, P1))
                .fma(s, FloatVector.broadcast(S, P0));
        FloatVector q = s.fma(Q4, Q3).fma(s, FloatVector.broadcast(S, Q2)).fma(s, FloatVector.broadcast(S, Q1))
                .fma(s, FloatVector.broadcast(S, 1f));
        return xc.mul(p).div(q);
    }

    private static final float TANH_CLAMP = 7.9f;
    private static final float P0 = 9.999999935e-01f;
    private static final float P1 = 1.345082197e-01f;
    private static final float P2 = 3.579221129e-03f;
    private static final float P3 = 2.202635980e-05f;
    private static final float P4 = 1.543030930e-08f;
    private static final float Q1 = 4.678414984e-01f;
    private static final float Q2 = 2.619313808e-02f;
    private static final float Q3 = 3.424000745e-04f;
    private static final float Q4 = 8.600203838e-07f;

    /** Softmax of W_out^T h + b for the panel's first {@code width} sequences into {@code out} [n * classes]. */
    private void readout(float[] z, int hRow, int p0, int width, float[] out) {
        int classes = spec.classes();
        float[] w = readout;
        float[] b = readoutBias;
        int hidden = spec.hidden();
        for (int j = 0; j < PANEL; j += LANES) {
            for (int k = 0; k < classes; k++) {
                FloatVector acc = FloatVector.broadcast(S, b[k]);
                for (int u = 0; u < hidden; u++) {
                    acc = FloatVector.broadcast(S, w[u * classes + k])
                            .fma(FloatVector.fromArray(S, z, (hRow + u) * PANEL + j), acc);
                }
                acc.intoArray(logits, k * PANEL + j);
            }
            FloatVector max = FloatVector.fromArray(S, logits, j);
            for (int k = 1; k < classes; k++) {
                max = max.max(FloatVector.fromArray(S, logits, k * PANEL + j));
            }
            FloatVector sum = FloatVector.zero(S);
            for (int k = 0; k < classes; k++) {
                FloatVector e = FloatVector.fromArray(S, logits, k * PANEL + j).sub(max).lanewise(VectorOperators.EXP);
                e.intoArray(logits, k * PANEL + j);
                sum = sum.add(e);
            }
            for (int k = 0; k < classes; k++) {
                FloatVector.fromArray(S, logits, k * PANEL + j).div(sum).intoArray(logits, k * PANEL + j);
            }
        }
        for (int j = 0; j < width; j++) {
            for (int k = 0; k < classes; k++) {
                out[(p0 + j) * classes + k] = logits[k * PANEL + j];
            }
        }
    }
}

package org.expanderexplorer.core.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import org.expanderexplorer.core.data.SequenceDataset;
import org.expanderexplorer.core.graph.Gate;
import org.expanderexplorer.core.graph.GateOrder;

/**
 * A classifier's weights laid out for the fast inference path ({@code VectorKernels}, the JDK's vector API):
 * per recurrent layer, each of W_ih and W_hh either packed dense or stored sparse (one list of kept entries per
 * pre-activation), whichever is faster at its density (below {@link #SPARSE_BELOW} kept entries the sparse
 * kernel wins; decision 0024 has the measured crossover). Both kernels compute the same sums in the same order, so
 * the choice changes the time, not the result.
 *
 * <p>Layout. The kernels work on panels of {@code PANEL} sequences at once (three vectors of the machine's
 * preferred float width, 48 with AVX-512), every activation being a row of that panel. A layer computes its
 * pre-activations as one product with K = inputs + H rows, [x_t; h_{t-1}], in groups of four output rows: for an
 * LSTM the gates i, f, g, o of one unit (so that the gate loop finds them together), for a vanilla RNN four
 * consecutive units (H rounded up to a multiple of four with zero rows). Dense parts are stored group by group,
 * k-major, four weights per k; sparse parts as compressed rows (row pointers, the row of [x; h] each kept weight
 * reads, the weight).
 *
 * <p>Immutable and thread-safe; each call of {@link #probabilities} or {@link #predictions} has its own scratch
 * buffers. Building is O(parameters). Only usable when {@link VectorInference#available()}.
 */
public final class CompiledNetwork {

    /**
     * Density (kept entries / all entries) of a weight matrix below which its sparse kernel is used: measured
     * crossover of the two kernels on the sample models (docs/decisions/0024).
     */
    public static final double SPARSE_BELOW = 0.35;

    /** One product part of a layer: W_ih (rows 0 .. inputs-1 of [x; h]) or W_hh (rows inputs .. K-1). */
    static final class Part {
        final int zFrom;
        final int kLen;
        /** Dense, [group][k][4]; null when sparse. */
        final float[] dense;
        /** Sparse: row pointers (rows + 1), the [x; h] row of each kept weight, the weight. */
        final int[] ptr;
        final int[] zRow;
        final float[] value;
        final double density;

        private Part(int zFrom, int kLen, float[] dense, int[] ptr, int[] zRow, float[] value, double density) {
            this.zFrom = zFrom;
            this.kLen = kLen;
            this.dense = dense;
            this.ptr = ptr;
            this.zRow = zRow;
            this.value = value;
            this.density = density;
        }

        boolean isDense() {
            return dense != null;
        }
    }

    /** One recurrent layer. */
    static final class Layer {
        final boolean lstm;
        final int inputs;
        final int hidden;
        final int groups;
        final Part ih;
        final Part hh;
        /** Per output row (group * 4 + r). */
        final float[] bias;

        private Layer(boolean lstm, int inputs, int hidden, int groups, Part ih, Part hh, float[] bias) {
            this.lstm = lstm;
            this.inputs = inputs;
            this.hidden = hidden;
            this.groups = groups;
            this.ih = ih;
            this.hh = hh;
            this.bias = bias;
        }

        int k() {
            return inputs + hidden;
        }
    }

    private final ModelSpec spec;
    private final Layer[] layers;
    private final float[] readout;
    private final float[] readoutBias;

    private CompiledNetwork(ModelSpec spec, Layer[] layers, float[] readout, float[] readoutBias) {
        this.spec = spec;
        this.layers = layers;
        this.readout = readout;
        this.readoutBias = readoutBias;
    }

    /** Compiles {@code weights} with the measured crossover {@link #SPARSE_BELOW}. */
    public static CompiledNetwork of(NetworkWeights weights) {
        return of(weights, SPARSE_BELOW);
    }

    /**
     * Compiles {@code weights}, storing a matrix sparse when its density is below {@code sparseBelow} (0: always
     * dense; above 1: always sparse).
     */
    public static CompiledNetwork of(NetworkWeights weights, double sparseBelow) {
        Objects.requireNonNull(weights, "weights");
        ModelSpec spec = weights.spec();
        Layer[] layers = new Layer[spec.layers()];
        for (int l = 0; l < layers.length; l++) {
            layers[l] = layer(weights, l, sparseBelow);
        }
        return new CompiledNetwork(spec, layers, weights.readout(), weights.readoutBias());
    }

    private static Layer layer(NetworkWeights w, int l, double sparseBelow) {
        ModelSpec spec = w.spec();
        boolean lstm = spec.cell() == CellType.LSTM;
        int inputs = spec.layerInputs(l);
        int hidden = spec.hidden();
        int groups = lstm ? hidden : (hidden + 3) / 4;
        int[] column = columns(lstm, hidden, groups);
        int cols = spec.cell().gates() * hidden;
        float[] b = new float[groups * 4];
        float[] bias = w.bias(l);
        for (int row = 0; row < b.length; row++) {
            b[row] = column[row] < 0 ? 0f : bias[column[row]];
        }
        Part ih = part(w.matrix(l, WeightKind.INPUT), inputs, cols, column, groups, 0, sparseBelow);
        Part hh = part(w.matrix(l, WeightKind.RECURRENT), hidden, cols, column, groups, inputs, sparseBelow);
        return new Layer(lstm, inputs, hidden, groups, ih, hh, b);
    }

    /**
     * The Deeplearning4j column of every output row (group * 4 + r), or -1 for a padding row: an LSTM group is one
     * unit's gates in the order i, f, g, o; an RNN group four consecutive units.
     */
    private static int[] columns(boolean lstm, int hidden, int groups) {
        int[] column = new int[groups * 4];
        if (lstm) {
            Gate[] order = {Gate.INPUT, Gate.FORGET, Gate.CELL, Gate.OUTPUT};
            for (int u = 0; u < hidden; u++) {
                for (int r = 0; r < 4; r++) {
                    column[u * 4 + r] = GateOrder.DL4J_LSTM.blocks().indexOf(order[r]) * hidden + u;
                }
            }
        } else {
            for (int row = 0; row < column.length; row++) {
                column[row] = row < hidden ? row : -1;
            }
        }
        return column;
    }

    private static Part part(float[] m, int rows, int cols, int[] column, int groups, int zFrom,
                             double sparseBelow) {
        // the rows k of [x; h] where a group keeps any of its four weights: what the sparse kernel visits
        int[] ptr = new int[groups + 1];
        int[] zRow = new int[groups * rows];
        float[] value = new float[groups * rows * 4];
        int p = 0;
        for (int g = 0; g < groups; g++) {
            for (int k = 0; k < rows; k++) {
                boolean any = false;
                for (int r = 0; r < 4; r++) {
                    int col = column[g * 4 + r];
                    float v = col < 0 ? 0f : m[k * cols + col];
                    value[p * 4 + r] = v;
                    any |= v != 0f;
                }
                if (any) {
                    zRow[p++] = zFrom + k;
                }
            }
            ptr[g + 1] = p;
        }
        double density = groups * rows == 0 ? 0 : p / (double) (groups * rows);
        if (density < sparseBelow) {
            return new Part(zFrom, rows, null, ptr, Arrays.copyOf(zRow, p), Arrays.copyOf(value, p * 4), density);
        }
        float[] dense = new float[groups * rows * 4];
        for (int row = 0; row < column.length; row++) {
            if (column[row] < 0) {
                continue;
            }
            int g = row / 4;
            int r = row % 4;
            for (int k = 0; k < rows; k++) {
                dense[(g * rows + k) * 4 + r] = m[k * cols + column[row]];
            }
        }
        return new Part(zFrom, rows, dense, null, null, null, density);
    }

    public ModelSpec spec() {
        return spec;
    }

    /** Which kernel each matrix uses, e.g. {@code [l0 ih dense 100.0 %, l0 hh sparse 20.0 %]}. */
    public List<String> kernels() {
        List<String> out = new ArrayList<>();
        for (int l = 0; l < layers.length; l++) {
            for (Part p : new Part[] {layers[l].ih, layers[l].hh}) {
                out.add(String.format(java.util.Locale.ROOT, "l%d %s %s %.1f %%", l, p == layers[l].ih ? "ih" : "hh",
                        p.isDense() ? "dense" : "sparse", 100 * p.density));
            }
        }
        return out;
    }

    /**
     * Class probabilities of {@code n} sequences of {@code steps} steps, step-major one after the other (value
     * (b, t, f) at {@code (b * steps + t) * inputs + f}), as [n * classes] row-major.
     */
    public float[] probabilities(float[] stepMajor, int n, int steps) {
        Objects.requireNonNull(stepMajor, "stepMajor");
        int length = Math.multiplyExact(steps, spec.inputs());
        if (n < 0 || steps < 1 || stepMajor.length != (long) n * length) {
            throw new IllegalArgumentException("expected " + n + " x " + steps + " x " + spec.inputs() + " values, got "
                    + stepMajor.length);
        }
        float[] out = new float[n * spec.classes()];
        new VectorKernels(this, steps).forward((j, dest, at) -> System.arraycopy(stepMajor, j * length, dest, at,
                length), n, out);
        return out;
    }

    /**
     * The predicted class (arg-max of the probabilities, the first on ties) of the examples {@code indices} of
     * {@code data}.
     *
     * @throws CancellationException when the thread is interrupted (checked between panels)
     */
    public int[] predictions(SequenceDataset data, int[] indices) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(indices, "indices");
        if (data.features() != spec.inputs()) {
            throw new IllegalArgumentException(data.name() + " has " + data.features() + " features, the model takes "
                    + spec.inputs());
        }
        int classes = spec.classes();
        float[] p = new float[indices.length * classes];
        new VectorKernels(this, data.steps()).forward((j, dest, at) -> data.copySequence(indices[j], dest, at),
                indices.length, p);
        int[] out = new int[indices.length];
        for (int i = 0; i < out.length; i++) {
            int best = 0;
            for (int c = 1; c < classes; c++) {
                if (p[i * classes + c] > p[i * classes + best]) {
                    best = c;
                }
            }
            out[i] = best;
        }
        return out;
    }

    Layer layer(int l) {
        return layers[l];
    }

    int layerCount() {
        return layers.length;
    }

    float[] readout() {
        return readout;
    }

    float[] readoutBias() {
        return readoutBias;
    }
}

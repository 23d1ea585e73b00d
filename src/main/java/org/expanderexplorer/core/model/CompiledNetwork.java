package org.expanderexplorer.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import org.expanderexplorer.core.data.SequenceDataset;
import org.expanderexplorer.core.graph.Gate;
import org.expanderexplorer.core.graph.GateOrder;

/**
 * A classifier's weights laid out for the fast inference path ({@code VectorKernels}, the JDK's vector API).
 *
 * <p>Layout. The kernels work on panels of {@code PANEL} sequences at once (three vectors of the machine's
 * preferred float width: 48 with AVX-512), every activation being a row of that panel. A layer computes its
 * pre-activations as one product with K = inputs + H rows, [x_t; h_{t-1}], in groups of four output rows: for an
 * LSTM the gates i, f, g, o of one unit (so that the gate loop finds them together), for a vanilla RNN four
 * consecutive units (H rounded up to a multiple of four with zero rows). A dense matrix is stored group by group,
 * k-major, four weights per k. A sparse one keeps, per row block, only the blocks (rows k of [x; h]) where any of
 * the block's weights is kept, each with its weights (zeros included): the kernel then does the dense kernel's
 * multiply-adds per block it visits, so a pruned model costs what its kept blocks cost. An LSTM's row block is a
 * whole group (kept with probability 1 - (1 - d)^4 for entries kept independently at density d: 59 % at
 * d = 20 %). An RNN's row block is a pair of rows (1 - (1 - d)^2: 36 %), its entries in three runs: those only
 * the first row keeps (one weight each), those only the second keeps, and those both keep (two weights), so no
 * multiply-add is spent on a pruned weight of a pair (decision 0034).
 *
 * <p>Choice. Per matrix, the sparse layout when its density of kept blocks is below {@link #SPARSE_BELOW} (LSTM)
 * or {@link #PAIR_SPARSE_BELOW} (RNN), the measured crossovers (decisions 0024 and 0032), the dense one
 * otherwise; W_ih and W_hh of a layer share one pass when they use the same layout. For an LSTM both kernels add
 * the same products in the same order (a skipped block would add exact zeros), so the choice changes the time,
 * not the result. An RNN's pair kernel adds a row's products in another order (its own run, then the shared one),
 * so there the choice changes the probabilities by rounding only (within 1e-6 of a double-precision pass, tests).
 *
 * <p>Immutable and thread-safe; each call of {@link #probabilities} or {@link #predictions} has its own scratch
 * buffers. Building is O(parameters). Only usable when {@link VectorInference#available()}.
 */
public final class CompiledNetwork {

    /**
     * Density of kept blocks of a weight matrix below which it is stored sparse: the two kernels took the same
     * time at 87-90 % on the sample LSTM and RNN (docs/decisions/0024).
     */
    public static final double SPARSE_BELOW = 0.85;

    /**
     * The same for a vanilla RNN's matrices, whose sparse blocks are pairs of rows (density of kept pairs): the
     * sparse kernel was faster at 64 % of kept pairs and below, as fast at 75 %, slower at 84 % and above
     * (docs/decisions/0032).
     */
    public static final double PAIR_SPARSE_BELOW = 0.70;

    /**
     * One weight matrix feeding rows {@code zFrom ..} of [x; h], with the mask that prunes it (null: none).
     * Masking while packing spares a masked copy of the weights (67 MB for the W_hh of a 2048-unit LSTM).
     */
    private record Source(float[] m, boolean[] keep, int rows, int zFrom) {
        float get(int k, int cols, int col) {
            int at = k * cols + col;
            return keep == null || keep[at] ? m[at] : 0f;
        }
    }

    private final ModelSpec spec;
    private final CompiledLayer[] layers;
    // The softmax readout stays a plain (H x classes) product: it runs once per sequence, not once per step.
    private final float[] readout;
    private final float[] readoutBias;

    private CompiledNetwork(ModelSpec spec, CompiledLayer[] layers, float[] readout, float[] readoutBias) {
        this.spec = spec;
        this.layers = layers;
        this.readout = readout;
        this.readoutBias = readoutBias;
    }

    /** Compiles {@code weights} with the measured crossover {@link #SPARSE_BELOW}. */
    public static CompiledNetwork of(NetworkWeights weights) {
        return of(weights, WeightMasks.none(), Double.NaN);
    }

    /**
     * Compiles {@code weights}, storing a matrix sparse when its density of kept blocks is below
     * {@code sparseBelow} (0: always dense; above 1: always sparse; NaN: the measured crossovers).
     */
    public static CompiledNetwork of(NetworkWeights weights, double sparseBelow) {
        return of(weights, WeightMasks.none(), sparseBelow);
    }

    /**
     * Compiles {@code weights} with the entries {@code masks} prunes set to zero (as
     * {@code weights.masked(masks)}, without the copy), at the measured crossover.
     *
     * @throws IllegalArgumentException if a mask does not fit
     */
    public static CompiledNetwork of(NetworkWeights weights, WeightMasks masks) {
        return of(weights, masks, Double.NaN);
    }

    private static CompiledNetwork of(NetworkWeights weights, WeightMasks masks, double sparseBelow) {
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(masks, "masks");
        ModelSpec spec = weights.spec();
        weights.checkFits(masks);
        CompiledLayer[] layers = new CompiledLayer[spec.layers()];
        for (int l = 0; l < layers.length; l++) {
            layers[l] = layer(weights, masks, l, sparseBelow);
        }
        return new CompiledNetwork(spec, layers, weights.readout(), weights.readoutBias());
    }

    private static CompiledLayer layer(NetworkWeights w, WeightMasks masks, int l, double sparseBelow) {
        ModelSpec spec = w.spec();
        boolean lstm = spec.cell() == CellType.LSTM;
        int inputs = spec.layerInputs(l);
        int hidden = spec.hidden();
        // an LSTM group is one unit's four gates; an RNN group four units, the last group padded with zero rows
        int groups = lstm ? hidden : (hidden + 3) / 4;
        // rows per sparse block: an LSTM's four gates of a unit are read together by the gate loop anyway; an RNN's
        // rows are independent units, and a pair of them keeps far fewer blocks (36 % against 59 % at d = 20 %)
        int span = lstm ? 4 : 2;
        double below = Double.isNaN(sparseBelow) ? (lstm ? SPARSE_BELOW : PAIR_SPARSE_BELOW) : sparseBelow;
        int[] column = columns(lstm, hidden, groups);
        int cols = spec.cell().gates() * hidden;
        // The bias in output-row order; padding rows get 0 so their pre-activation (and tanh of it) stays 0.
        float[] b = new float[groups * 4];
        float[] bias = w.bias(l);
        for (int row = 0; row < b.length; row++) {
            b[row] = column[row] < 0 ? 0f : bias[column[row]];
        }
        Source ih = new Source(w.matrix(l, WeightKind.INPUT), masks.byTarget().get(
                new WeightMasks.Target(l, WeightKind.INPUT)), inputs, 0);
        Source hh = new Source(w.matrix(l, WeightKind.RECURRENT), masks.byTarget().get(
                new WeightMasks.Target(l, WeightKind.RECURRENT)), hidden, inputs);
        // each matrix chooses its own kernel: W_ih of a lightly pruned input layer may stay dense while W_hh is sparse
        double ihDensity = blockDensity(ih, cols, column, span);
        double hhDensity = blockDensity(hh, cols, column, span);
        boolean ihDense = ihDensity >= below;
        boolean hhDense = hhDensity >= below;
        // One part when both agree: x_t and h_{t-1} are rows of one [x; h] vector, so both products are one pass.
        CompiledLayer.Part[] parts = ihDense == hhDense
                ? new CompiledLayer.Part[] {part(List.of(ih, hh), inputs, cols, column, ihDense ? 0 : span)}
                : new CompiledLayer.Part[] {part(List.of(ih), inputs, cols, column, ihDense ? 0 : span),
                    part(List.of(hh), inputs, cols, column, hhDense ? 0 : span)};
        String[] kernels = {kernel(l, "ih", ihDense, ihDensity), kernel(l, "hh", hhDense, hhDensity)};
        return new CompiledLayer(lstm, inputs, hidden, groups, parts, b, kernels);
    }

    private static String kernel(int layer, String matrix, boolean dense, double density) {
        return String.format(Locale.ROOT, "l%d %s %s %.1f %%", layer, matrix, dense ? "dense" : "sparse",
                100 * density);
    }

    /**
     * The Deeplearning4j column of every output row (group * 4 + r), or -1 for a padding row: an LSTM group is one
     * unit's gates in the order i, f, g, o; an RNN group four consecutive units.
     */
    private static int[] columns(boolean lstm, int hidden, int groups) {
        int[] column = new int[groups * 4];
        if (lstm) {
            // The kernels' row order within a group; DL4J keeps each gate as a block of H columns, in its own gate
            // order,
            // so unit u's gate r is column (block of r) * H + u.
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

    /**
     * Kept (row block, k) blocks of one matrix, row blocks of {@code span} output rows (a block is kept when any of
     * its weights is).
     */
    private static double blockDensity(Source s, int cols, int[] column, int span) {
        int blocks = column.length / span;
        long kept = 0;
        for (int b = 0; b < blocks; b++) {
            for (int k = 0; k < s.rows(); k++) {
                kept += keeps(s, k, cols, column, b, span) ? 1 : 0;
            }
        }
        // an empty matrix counts as density 0: sparse at any positive threshold, and then it visits nothing
        return blocks * (long) s.rows() == 0 ? 0 : kept / (double) (blocks * (long) s.rows());
    }

    private static boolean keeps(Source s, int k, int cols, int[] column, int b, int span) {
        for (int r = 0; r < span; r++) {
            if (weight(s, k, cols, column[b * span + r]) != 0f) {
                return true;
            }
        }
        return false;
    }

    /** The part of {@code sources} stacked: dense when {@code span} is 0, else sparse in row blocks of span. */
    private static CompiledLayer.Part part(List<Source> sources, int inputs, int cols, int[] column, int span) {
        int groups = column.length / 4;
        int zFrom = sources.get(0).zFrom();
        int kLen = 0;
        for (Source s : sources) {
            kLen += s.rows();
        }
        // rows of this part that belong to x (rows below inputs): the only ones visited at t = 0, where h is zero
        int firstLen = Math.max(0, Math.min(kLen, inputs - zFrom));
        if (span == 0) {
            float[] w = new float[groups * kLen * 4];
            for (int row = 0; row < column.length; row++) {
                if (column[row] >= 0) {
                    int k = 0;
                    for (Source s : sources) {
                        for (int i = 0; i < s.rows(); i++, k++) {
                            // [group][k][r]: the kernel reads the four weights of one k as one contiguous quadruple
                            w[((row / 4) * kLen + k) * 4 + row % 4] = s.get(i, cols, column[row]);
                        }
                    }
                }
            }
            return new CompiledLayer.Part(zFrom, kLen, firstLen, w);
        }
        if (span == 2) {
            return pairPart(sources, inputs, cols, column, zFrom, kLen, firstLen);
        }
        // First pass counts the kept blocks so the arrays are allocated once at their exact size (CSR-like: ptr holds
        // each row block's first entry, zRow each entry's row of [x; h], value its span weights).
        int rowBlocks = column.length / span;
        int blocks = 0;
        for (int b = 0; b < rowBlocks; b++) {
            for (Source s : sources) {
                for (int i = 0; i < s.rows(); i++) {
                    blocks += keeps(s, i, cols, column, b, span) ? 1 : 0;
                }
            }
        }
        int[] ptr = new int[rowBlocks + 1];
        int[] firstEnd = new int[rowBlocks];
        int[] zRow = new int[blocks];
        float[] value = new float[blocks * span];
        int p = 0;
        for (int b = 0; b < rowBlocks; b++) {
            for (Source s : sources) {
                for (int i = 0; i < s.rows(); i++) {
                    if (keeps(s, i, cols, column, b, span)) {
                        for (int r = 0; r < span; r++) {
                            value[p * span + r] = weight(s, i, cols, column[b * span + r]);
                        }
                        zRow[p++] = s.zFrom() + i;
                    }
                }
                // entries from the W_ih source read x; those after firstEnd[b] read h and are skipped at t = 0
                if (s.zFrom() < inputs) {
                    firstEnd[b] = p;
                }
            }
            // a part of W_hh alone reads only h, so at t = 0 it has nothing to visit
            if (zFrom >= inputs) {
                firstEnd[b] = ptr[b];
            }
            ptr[b + 1] = p;
        }
        return new CompiledLayer.Part(zFrom, kLen, firstLen, ptr, firstEnd, zRow, value);
    }

    /**
     * The sparse part of pairs of rows: per pair block, the entries (rows of [x; h]) where only its first row
     * keeps a weight, those where only its second row does, and those where both do, each run in the order of
     * {@code sources} and k, so that the entries that read x (the t = 0 bound) come first in every run.
     */
    private static CompiledLayer.Part pairPart(List<Source> sources, int inputs, int cols, int[] column, int zFrom,
                                               int kLen, int firstLen) {
        int pairs = column.length / 2;
        int ones = 0;
        int twos = 0;
        for (int b = 0; b < pairs; b++) {
            for (Source s : sources) {
                for (int i = 0; i < s.rows(); i++) {
                    int kept = (weight(s, i, cols, column[2 * b]) != 0f ? 1 : 0)
                            + (weight(s, i, cols, column[2 * b + 1]) != 0f ? 1 : 0);
                    ones += kept == 1 ? 1 : 0;
                    twos += kept == 2 ? 1 : 0;
                }
            }
        }
        int[] runs = new int[pairs * 9];
        int[] oneRow = new int[ones];
        float[] oneValue = new float[ones];
        int[] twoRow = new int[twos];
        float[] twoValue = new float[2 * twos];
        int one = 0;
        int two = 0;
        for (int b = 0; b < pairs; b++) {
            // the first row's own entries, then the second's: runs[9b .. 9b+2] and runs[9b+3 .. 9b+5]
            for (int r = 0; r < 2; r++) {
                runs[9 * b + 3 * r] = one;
                runs[9 * b + 3 * r + 1] = one;
                for (Source s : sources) {
                    for (int i = 0; i < s.rows(); i++) {
                        float mine = weight(s, i, cols, column[2 * b + r]);
                        float other = weight(s, i, cols, column[2 * b + 1 - r]);
                        if (mine != 0f && other == 0f) {
                            oneRow[one] = s.zFrom() + i;
                            oneValue[one++] = mine;
                        }
                    }
                    if (s.zFrom() < inputs) {
                        runs[9 * b + 3 * r + 1] = one;
                    }
                }
                runs[9 * b + 3 * r + 2] = one;
            }
            runs[9 * b + 6] = two;
            runs[9 * b + 7] = two;
            for (Source s : sources) {
                for (int i = 0; i < s.rows(); i++) {
                    float first = weight(s, i, cols, column[2 * b]);
                    float second = weight(s, i, cols, column[2 * b + 1]);
                    if (first != 0f && second != 0f) {
                        twoRow[two] = s.zFrom() + i;
                        twoValue[2 * two] = first;
                        twoValue[2 * two++ + 1] = second;
                    }
                }
                if (s.zFrom() < inputs) {
                    runs[9 * b + 7] = two;
                }
            }
            runs[9 * b + 8] = two;
        }
        return new CompiledLayer.Part(zFrom, kLen, firstLen, runs, oneRow, oneValue, twoRow, twoValue);
    }

    /** The weight of source row {@code k} in output column {@code col}, 0 for a padding row (col < 0). */
    private static float weight(Source s, int k, int cols, int col) {
        return col < 0 ? 0f : s.get(k, cols, col);
    }

    public ModelSpec spec() {
        return spec;
    }

    /** Which kernel each matrix uses and its density of kept blocks, e.g. {@code l0 hh sparse 57.9 %}. */
    public List<String> kernels() {
        List<String> out = new ArrayList<>();
        for (CompiledLayer l : layers) {
            out.addAll(List.of(l.kernels));
        }
        return out;
    }

    /**
     * Class probabilities of {@code n} sequences of {@code steps} steps, step-major one after the other (value
     * (b, t, f) at {@code (b * steps + t) * inputs + f}), as [n * classes] row-major.
     */
    public float[] probabilities(float[] stepMajor, int n, int steps) {
        Objects.requireNonNull(stepMajor, "stepMajor");
        // floats per sequence; multiplyExact so that an absurd step count fails instead of wrapping around
        int length = Math.multiplyExact(steps, spec.inputs());
        if (n < 0 || steps < 1 || stepMajor.length != (long) n * length) {
            throw new IllegalArgumentException("expected " + n + " x " + steps + " x " + spec.inputs() + " values, got "
                    + stepMajor.length);
        }
        float[] out = new float[n * spec.classes()];
        newKernels(steps).forward((j, dest, at, stride) -> {
            for (int k = 0; k < length; k++) {
                dest[at + k * stride] = stepMajor[j * length + k];
            }
        }, n, out);
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
        newKernels(data.steps()).forward((j, dest, at, stride) -> data.copySequence(indices[j], dest, at, stride),
                indices.length, p);
        int[] out = new int[indices.length];
        for (int i = 0; i < out.length; i++) {
            int best = 0;
            for (int c = 1; c < classes; c++) {
                // strictly greater, so on a tie the first class wins, as documented
                if (p[i * classes + c] > p[i * classes + best]) {
                    best = c;
                }
            }
            out[i] = best;
        }
        return out;
    }

    /** Fresh kernels (scratch buffers) for one forward pass through this network of sequences of {@code steps}. */
    VectorKernels newKernels(int steps) {
        return new VectorKernels(spec, layers, readout, readoutBias, steps);
    }
}

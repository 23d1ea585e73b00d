package org.expanderexplorer.core.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.expanderexplorer.core.graph.UnfoldedVertex.Role;

/**
 * How far a set S of vertices of the time-unfolded graph reaches (science.md, sections 1 and 4): the hidden units
 * reached at each step along edges that go forward in time, x_t -&gt; h_t through the input graph and
 * h_{t-1} -&gt; h_t through the recurrent graph. This is the statement expansion makes about sets: a small set has
 * many neighbours, |N(S)| &gt;= (1 + eps) |S|, so a few inputs reach every hidden unit within a few steps.
 *
 * <p>With S_x(t) the inputs of S at step t and S_h(t) its hidden units at step t, the reach is
 * R_0 = S_h(0) and R_t = N_ih(S_x(t)) &#x222A; N_hh(R_{t-1}) &#x222A; S_h(t); the set fed into step t is
 * F_t = S_x(t) &#x222A; R_{t-1} (as vertices x_t and h_{t-1}), and the ratio of step t is |R_t| / |F_t|, the
 * expansion of the step graph at the set that actually spreads. For S given at step 1 (inputs x_1 and hidden units
 * h_0) the count of step t is |N_t(S)|, the hidden units reached at step t, and the ratio of step 1 is |N(S)| / |S|.
 *
 * <p>Stacked LSTM matrices (4H columns) are merged onto the H units, an edge where any gate keeps a weight, as
 * {@link UnfoldedGraph} does; slice one gate first for a gate's spread. Without a recurrent matrix (a plain matrix)
 * nothing is carried from one step to the next.
 *
 * <p>Whether all H hidden units are ever reached is settled past the T steps: once S has no vertex left to add,
 * R_t = N_hh(R_{t-1}) is a function of R_{t-1} alone, so the sequence either reaches all units or repeats a set
 * it has seen, and then never reaches them. Past T it is followed for at most {@link #extraStepLimit} more steps;
 * if neither happens by then the answer is left open ({@link Result#settled()} false).
 *
 * <p>Cost: rows of bit sets, O((I + H) H / 64) memory; a step costs O(|F_t| H / 64). Immutable inputs are copied
 * into bit sets at construction; the result is computed on first use and cached. Thread-safe.
 */
public final class Spread {

    private final int inputs;
    private final int hidden;
    private final int words;
    private final long[][] inputRows;
    private final long[][] recurrentRows;
    private final List<UnfoldedVertex> start;
    private final int steps;
    private Result result;

    /**
     * One step of the spread.
     *
     * @param step   t, from 1
     * @param count  |R_t|, the hidden units reached at step t
     * @param units  the units of R_t, ascending (a fresh array per result; do not modify)
     * @param fed    |F_t| = |S_x(t)| + |R_{t-1}|, the vertices fed into step t
     * @param ratio  |R_t| / |F_t|, or null when nothing is fed into step t
     */
    public record Step(int step, int count, int[] units, int fed, Double ratio) {
    }

    /**
     * The spread of S.
     *
     * @param startSize |S| (distinct vertices)
     * @param hidden    H, the hidden units per step
     * @param steps     R_t for t = 1 .. T
     * @param fullStep  the first step t &gt;= 1 at which all H hidden units are reached (possibly past T), or null
     * @param settled   true when {@code fullStep} is final: either found, or proven never to happen (the reach
     *                  repeated a set); false when the search past T gave up
     * @param searched  the last step looked at
     */
    public record Result(int startSize, int hidden, List<Step> steps, Integer fullStep, boolean settled,
                         int searched) {

        public Result {
            steps = List.copyOf(steps);
        }

        /** True when all hidden units are proven never to be reached. */
        public boolean never() {
            return settled && fullStep == null;
        }

        /** |R_t| / |S|, the reach of step t relative to the start set, or null for an empty S. */
        public Double growth(int step) {
            return startSize == 0 ? null : (double) steps.get(step - 1).count() / startSize;
        }
    }

    /**
     * @param inputToHidden  W_ih, I x H or I x 4H (stacked LSTM gates); its non-zeros are the edges; not modified
     * @param hiddenToHidden W_hh, H x H or H x 4H with the columns of W_ih, or null for none (a plain matrix)
     * @param start          S: inputs x_t (1 &lt;= t &lt;= T) and hidden units h_t (0 &lt;= t &lt;= T); repeats count
     *                       once
     * @param steps          T &gt;= 1
     * @throws IllegalArgumentException if the shapes do not fit or a start vertex lies outside the unfolding
     */
    public Spread(WeightMatrix inputToHidden, WeightMatrix hiddenToHidden, List<UnfoldedVertex> start, int steps) {
        Objects.requireNonNull(inputToHidden, "inputToHidden");
        Objects.requireNonNull(start, "start");
        if (steps < 1) {
            throw new IllegalArgumentException("a spread needs at least 1 step, got " + steps);
        }
        int cols = inputToHidden.cols();
        int h = hiddenToHidden == null ? cols : hiddenToHidden.rows();
        if (h == 0 || (cols != h && cols != 4 * h)) {
            throw new IllegalArgumentException("W_ih is " + inputToHidden.rows() + " x " + cols + ": it needs H or 4H"
                    + " columns for H = " + h + " hidden units");
        }
        if (hiddenToHidden != null && hiddenToHidden.cols() != cols) {
            throw new IllegalArgumentException("W_hh is " + hiddenToHidden.rows() + " x " + hiddenToHidden.cols()
                    + " but W_ih has " + cols + " columns: both need the same number");
        }
        this.inputs = inputToHidden.rows();
        this.hidden = h;
        this.words = (h + 63) >>> 6;
        this.inputRows = rows(inputToHidden, h);
        this.recurrentRows = hiddenToHidden == null ? null : rows(hiddenToHidden, h);
        this.steps = steps;
        Set<UnfoldedVertex> distinct = new HashSet<>();
        for (UnfoldedVertex v : start) {
            checkVertex(Objects.requireNonNull(v, "start vertex"));
            distinct.add(v);
        }
        this.start = List.copyOf(distinct);
    }

    private void checkVertex(UnfoldedVertex v) {
        boolean x = v.role() == Role.X;
        int size = x ? inputs : hidden;
        int firstStep = x ? 1 : 0;
        if (v.unit() < 0 || v.unit() >= size || v.step() < firstStep || v.step() > steps) {
            throw new IllegalArgumentException("no vertex " + v + " in " + steps + " steps of " + inputs
                    + " inputs and " + hidden + " hidden units");
        }
    }

    /** Each row's neighbours as a bit set over the H units, gate columns folded onto their unit. */
    private static long[][] rows(WeightMatrix m, int h) {
        int r = m.rows();
        int c = m.cols();
        double[] d = m.toRowMajor();
        long[][] out = new long[r][(h + 63) >>> 6];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                // NaN is not 0.0 and would count as an edge; a weight that cannot be analysed has no place in a graph
                double w = d[i * c + j];
                if (!Double.isFinite(w)) {
                    throw new IllegalArgumentException("weight at row " + i + ", column " + j + " is " + w
                            + ": NaN or infinite weights cannot be analysed");
                }
                if (w != 0.0) {
                    int u = j % h;
                    out[i][u >>> 6] |= 1L << u;
                }
            }
        }
        return out;
    }

    /** Input units I. */
    public int inputs() {
        return inputs;
    }

    /** Hidden units H. */
    public int hidden() {
        return hidden;
    }

    /** The most steps followed past T to settle whether all hidden units are reached: 2H + 16. */
    public int extraStepLimit() {
        // The reach of a fixed recurrent graph settles within about its diameter plus the period of its cycles, far
        // below 2H for the graphs of pruned layers; the limit only bounds the work on a pathological graph.
        return 2 * hidden + 16;
    }

    /** The neighbours of {@code v}'s edges forward in time, as units of h at step(v) (X) or step(v) + 1 (H). */
    public int[] forwardNeighbours(UnfoldedVertex v) {
        checkVertex(v);
        long[][] rows = v.role() == Role.X ? inputRows : recurrentRows;
        return rows == null ? new int[0] : units(rows[v.unit()]);
    }

    /** The spread, computed on first use. */
    public synchronized Result result() {
        if (result == null) {
            result = compute();
        }
        return result;
    }

    private Result compute() {
        long[] reach = new long[words];
        int lastStart = 0;
        for (UnfoldedVertex v : start) {
            lastStart = Math.max(lastStart, v.step());
            if (v.role() == Role.H && v.step() == 0) {
                set(reach, v.unit());
            }
        }
        List<Step> out = new ArrayList<>(steps);
        Integer full = null;
        for (int t = 1; t <= steps; t++) {
            int fed = count(reach);
            long[] next = new long[words];
            spread(reach, recurrentRows, next);
            for (UnfoldedVertex v : start) {
                if (v.step() != t) {
                    continue;
                }
                if (v.role() == Role.X) {
                    fed++;
                    or(next, inputRows[v.unit()]);
                } else {
                    set(next, v.unit());
                }
            }
            reach = next;
            int n = count(reach);
            if (full == null && n == hidden) {
                full = t;
            }
            out.add(new Step(t, n, units(reach), fed, fed == 0 ? null : (double) n / fed));
        }
        int searched = steps;
        boolean settled = full != null;
        if (!settled) {
            // Past T (and past the last start vertex, which lies within T) the map R -> N_hh(R) is fixed: either it
            // fills all units or it cycles. Seen sets are kept to detect the cycle.
            Set<Key> seen = new HashSet<>();
            seen.add(new Key(reach));
            int limit = steps + extraStepLimit();
            while (searched < limit) {
                long[] next = new long[words];
                spread(reach, recurrentRows, next);
                reach = next;
                searched++;
                if (count(reach) == hidden) {
                    full = searched;
                    settled = true;
                    break;
                }
                if (!seen.add(new Key(reach))) {
                    settled = true;
                    break;
                }
            }
        }
        int size = start.size();
        return new Result(size, hidden, out, full, settled, searched);
    }

    /** A reach set as a hash key. */
    private record Key(long[] bits) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(bits, k.bits);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bits);
        }
    }

    /** OR of the rows of the set units of {@code from} into {@code into}; nothing without rows. */
    private void spread(long[] from, long[][] rows, long[] into) {
        if (rows == null) {
            return;
        }
        for (int w = 0; w < words; w++) {
            long bits = from[w];
            while (bits != 0) {
                int u = (w << 6) + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                or(into, rows[u]);
            }
        }
    }

    private static void or(long[] into, long[] row) {
        for (int w = 0; w < into.length; w++) {
            into[w] |= row[w];
        }
    }

    private static void set(long[] bits, int u) {
        bits[u >>> 6] |= 1L << u;
    }

    private static int count(long[] bits) {
        int n = 0;
        for (long b : bits) {
            n += Long.bitCount(b);
        }
        return n;
    }

    private static int[] units(long[] bits) {
        int[] out = new int[count(bits)];
        int k = 0;
        for (int w = 0; w < bits.length; w++) {
            long b = bits[w];
            while (b != 0) {
                out[k++] = (w << 6) + Long.numberOfTrailingZeros(b);
                b &= b - 1;
            }
        }
        return out;
    }
}

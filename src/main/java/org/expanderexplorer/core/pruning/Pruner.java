package org.expanderexplorer.core.pruning;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.IndexSort;
import org.expanderexplorer.core.Shuffle;
import org.expanderexplorer.core.graph.WeightMatrix;

/**
 * Computes pruning masks for a group of weight matrices pruned together (e.g. W_ih and W_hh of one layer).
 *
 * <p>q is always the percentage of the DENSE entry count to keep: at q the mask of an r x c matrix keeps
 * round(q r c / 100) entries (see {@link PruningMethod} for each method's exact rule and guarantee). Entries
 * already pruned by a previous mask stay pruned (iterative schedules prune within what remains). With
 * {@code gateBlocks = 4} each matrix is split into 4 equal column blocks (the stacked LSTM gates) and each
 * block is pruned as a matrix of its own, so every gate keeps the same fraction.
 *
 * <p>Cost: O(N log N) for the magnitude orders of N entries, computed once per matrix and cached, then O(N) per
 * call; so a slider can call {@link #prune(double)} repeatedly. {@link PruningMethod#RAMANUJAN} also computes each
 * block's floor once, on the first call ({@link GapFloor}: some tens of singular-value computations per block),
 * after which a call is O(N) again; {@link PruningMethod#BALANCED} is O(N) per call plus O(N) per augmenting path
 * ({@link BalancedSelection}). Thread-safe after construction.
 */
public final class Pruner {

    private final PruningMethod method;
    private final long seed;
    private final int minDegree;
    private final int gateBlocks;
    // The unit of pruning: one gate block of one matrix (or the whole matrix when gateBlocks = 1), in matrix order.
    private final List<WeightMatrix> blocks;
    // per block, the entries the current mask still keeps: only these can be kept again (iterative pruning nests)
    private final List<boolean[]> candidates;
    // how many consecutive entries of blocks belong to each matrix, to reassemble the masks in prune
    private final int[] blocksPerMatrix;
    private final List<int[]> orders;
    private final MonitoredGap gap;
    // lazily computed (tens of singular-value computations per block) and guarded by floors()'s lock
    private List<GapFloor.Floor> floors;

    /**
     * @param matrices   the matrices pruned together; not modified
     * @param current    their current masks (entries already pruned stay pruned), or null for "all kept"
     * @param method     the method
     * @param seed       seed of random choices (recorded by callers)
     * @param minDegree  for {@link PruningMethod#EXPANSION_PRESERVING}: the smallest degree every vertex keeps
     * @param gateBlocks 1 to prune each matrix whole, or the number of equal column blocks (4 for LSTM gates)
     */
    public Pruner(List<WeightMatrix> matrices, List<PruningMask> current, PruningMethod method, long seed,
                  int minDegree, int gateBlocks) {
        this(matrices, current, method, seed, minDegree, gateBlocks, MonitoredGap.DELTA_R);
    }

    /**
     * As {@link #Pruner(List, List, PruningMethod, long, int, int)}, with the gap {@link PruningMethod#RAMANUJAN}
     * keeps positive in each block (ignored by the other methods).
     */
    public Pruner(List<WeightMatrix> matrices, List<PruningMask> current, PruningMethod method, long seed,
                  int minDegree, int gateBlocks, MonitoredGap gap) {
        Objects.requireNonNull(matrices, "matrices");
        this.method = Objects.requireNonNull(method, "method");
        this.gap = Objects.requireNonNull(gap, "gap");
        this.seed = seed;
        if (minDegree < 1) {
            throw new BadInputException("minimum degree must be at least 1, got " + minDegree);
        }
        if (gateBlocks < 1) {
            throw new IllegalArgumentException("gateBlocks must be at least 1");
        }
        if (current != null && current.size() != matrices.size()) {
            throw new IllegalArgumentException(current.size() + " masks for " + matrices.size() + " matrices");
        }
        this.minDegree = minDegree;
        this.gateBlocks = gateBlocks;
        this.blocks = new ArrayList<>();
        this.candidates = new ArrayList<>();
        this.blocksPerMatrix = new int[matrices.size()];
        for (int m = 0; m < matrices.size(); m++) {
            WeightMatrix w = Objects.requireNonNull(matrices.get(m), "matrix " + m);
            PruningMask mask = current == null ? PruningMask.all(w.rows(), w.cols()) : current.get(m);
            if (mask.rows() != w.rows() || mask.cols() != w.cols()) {
                throw new IllegalArgumentException("mask " + m + " does not match its matrix");
            }
            int nb = gateBlocks;
            // DL4J stacks the gates as equal column blocks (4H columns), so a width not divisible by nb is not an LSTM
            // matrix
            if (w.cols() % nb != 0) {
                throw new BadInputException("cannot split a matrix of " + w.cols() + " columns into " + nb
                        + " gate blocks");
            }
            int width = w.cols() / nb;
            for (int b = 0; b < nb; b++) {
                blocks.add(w.columns(b * width, (b + 1) * width));
                candidates.add(blockOf(mask.toArray(), w.rows(), w.cols(), b * width, width));
            }
            blocksPerMatrix[m] = nb;
        }
        this.orders = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            // One order per block, fixed at construction: every q then takes a prefix of the same order, so masks are
            // nested (a smaller q keeps a subset of a larger q's edges) and the slider moves continuously. Each block's
            // random order has its own seed (a prime stride apart), so the gates are not pruned alike.
            orders.add(method == PruningMethod.RANDOM ? randomOrder(blocks.get(i), seed + 7919L * i)
                    : magnitudeOrder(blocks.get(i)));
        }
    }

    /** Convenience: whole matrices, no previous mask, minimum degree 1. */
    public Pruner(List<WeightMatrix> matrices, PruningMethod method, long seed) {
        this(matrices, null, method, seed, 1, 1);
    }

    private static boolean[] blockOf(boolean[] keep, int rows, int cols, int from, int width) {
        boolean[] out = new boolean[rows * width];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(keep, i * cols + from, out, i * width, width);
        }
        return out;
    }

    public PruningMethod method() {
        return method;
    }

    public long seed() {
        return seed;
    }

    /**
     * The masks at {@code keepPercent}, one per matrix, in the order given.
     *
     * @throws BadInputException if q is not in (0, 100]
     */
    public List<PruningMask> prune(double keepPercent) {
        // written negated so that NaN is refused too
        if (!(keepPercent > 0.0 && keepPercent <= 100.0)) {
            throw new BadInputException("the percentage of edges to keep must be in (0, 100], got " + keepPercent);
        }
        boolean[][] blockMasks = new boolean[blocks.size()][];
        if (method == PruningMethod.GLOBAL_MAGNITUDE) {
            pruneGlobal(keepPercent, blockMasks);
        // Ramanujan first decides how many entries each block keeps (no block below its gap floor), then keeps each
        // block's largest candidates, so within a block it agrees with magnitude pruning.
        } else if (method == PruningMethod.RAMANUJAN) {
            int[] k = ramanujanCounts(keepPercent);
            for (int i = 0; i < blocks.size(); i++) {
                blockMasks[i] = takeFirst(orders.get(i), candidates.get(i), k[i]);
            }
        } else {
            for (int i = 0; i < blocks.size(); i++) {
                WeightMatrix w = blocks.get(i);
                int k = keepCount(keepPercent, (long) w.rows() * w.cols());
                blockMasks[i] = switch (method) {
                    case MAGNITUDE, RANDOM -> takeFirst(orders.get(i), candidates.get(i), k);
                    case TOP_K_PER_VERTEX -> topKPerColumn(i, keepPercent);
                    case EXPANSION_PRESERVING -> expansionPreserving(i, k);
                    case BALANCED -> new BalancedSelection(w.rows(), w.cols(), w.toRowMajor(), candidates.get(i),
                            orders.get(i), k).kept();
                    default -> throw new IllegalStateException(method.name());
                };
            }
        }
        List<PruningMask> out = new ArrayList<>();
        int b = 0;
        for (int m = 0; m < blocksPerMatrix.length; m++) {
            int nb = blocksPerMatrix[m];
            int rows = blocks.get(b).rows();
            int width = blocks.get(b).cols();
            int cols = width * nb;
            boolean[] keep = new boolean[rows * cols];
            for (int j = 0; j < nb; j++, b++) {
                boolean[] blk = blockMasks[b];
                for (int r = 0; r < rows; r++) {
                    System.arraycopy(blk, r * width, keep, r * cols + j * width, width);
                }
            }
            out.add(PruningMask.own(rows, cols, keep));
        }
        return out;
    }

    /** round(q n / 100), at least 1 when n > 0 so that no matrix is emptied by rounding alone. */
    static int keepCount(double keepPercent, long n) {
        if (n == 0) {
            return 0;
        }
        long k = Math.round(keepPercent * n / 100.0);
        return (int) Math.max(1, Math.min(n, k));
    }

    /**
     * A keep percentage at which every matrix i of {@code sizes[i]} entries keeps exactly {@code kept[i]} of them
     * when pruned per matrix (round(q n / 100), as {@link PruningMethod#MAGNITUDE}), the roundest such q (a
     * multiple of 0.1 if one fits, else of 0.01, 0.001, 0.0001, each time the one nearest the share of kept
     * entries first, else the middle of the range); NaN when no q fits
     * all of them (the matrices were pruned to different percentages). A model exported at q then reopens at a q
     * that prunes it to itself: magnitude pruning there keeps exactly its non-zero weights.
     */
    public static double percentKeeping(long[] sizes, long[] kept) {
        if (sizes.length != kept.length || sizes.length == 0) {
            throw new IllegalArgumentException("one kept count per matrix size");
        }
        double lo = 0;
        double hi = 100;
        for (int i = 0; i < sizes.length; i++) {
            if (sizes[i] <= 0 || kept[i] < 1 || kept[i] > sizes[i]) {
                return Double.NaN; // an empty matrix, or one emptied entirely: not what rounding alone gives
            }
            lo = Math.max(lo, 100.0 * (kept[i] - 0.5) / sizes[i]);
            hi = Math.min(hi, 100.0 * (kept[i] + 0.5) / sizes[i]);
        }
        double share = 100.0 * LongStream.of(kept).sum() / LongStream.of(sizes).sum();
        for (double per : new double[] {10, 100, 1000, 10000}) {
            // the multiple of 1 / per nearest the share of kept weights, else the first one from lo (as the double
            // nearest it: 31.02, not 31.020000000000003)
            for (double q : new double[] {Math.round(share * per) / per, Math.ceil(lo * per) / per}) {
                if (q >= lo && q < hi && keeps(q, sizes, kept)) {
                    return q;
                }
            }
        }
        double middle = (lo + hi) / 2;
        return lo < hi && keeps(middle, sizes, kept) ? middle : Double.NaN;
    }

    private static boolean keeps(double q, long[] sizes, long[] kept) {
        for (int i = 0; i < sizes.length; i++) {
            if (keepCount(q, sizes[i]) != kept[i]) {
                return false;
            }
        }
        return true;
    }

    /** The gap {@link PruningMethod#RAMANUJAN} keeps positive. */
    public MonitoredGap gap() {
        return gap;
    }

    /**
     * The floor of every block for {@link PruningMethod#RAMANUJAN}: the fewest entries it can keep with its
     * monitored gap positive ({@link GapFloor}), in block order (matrices in the order given, each split into its
     * gate blocks). Computed on the first call and cached.
     *
     * @throws IllegalStateException for another method
     */
    public synchronized List<GapFloor.Floor> floors() {
        if (method != PruningMethod.RAMANUJAN) {
            throw new IllegalStateException("floors belong to the ramanujan method, not " + method.cliName());
        }
        if (floors == null) {
            List<GapFloor.Floor> f = new ArrayList<>();
            for (int i = 0; i < blocks.size(); i++) {
                f.add(new GapFloor(blocks.get(i), candidates.get(i), orders.get(i), gap).compute());
            }
            floors = List.copyOf(f);
        }
        return floors;
    }

    /**
     * The smallest q (percent of the dense entries of all pruned matrices) that {@link PruningMethod#RAMANUJAN}
     * reaches with every block's gap positive, or null for the other methods. Asked for less, it keeps this much
     * (and callers say so).
     */
    public Double lowestReachablePercent() {
        if (method != PruningMethod.RAMANUJAN) {
            return null;
        }
        long kept = 0;
        long total = 0;
        List<GapFloor.Floor> f = floors();
        for (int i = 0; i < blocks.size(); i++) {
            kept += f.get(i).count();
            total += (long) blocks.get(i).rows() * blocks.get(i).cols();
        }
        return total == 0 ? 100.0 : 100.0 * kept / total;
    }

    /**
     * True when {@link PruningMethod#RAMANUJAN} cannot reach {@code keepPercent}: magnitude's total at q is below
     * the sum of the floors, so {@link #prune(double)} keeps every block at its floor (the lowest reachable q).
     * False for the other methods.
     */
    public boolean belowReach(double keepPercent) {
        if (method != PruningMethod.RAMANUJAN) {
            return false;
        }
        List<GapFloor.Floor> f = floors();
        long total = 0;
        long floorSum = 0;
        for (int i = 0; i < blocks.size(); i++) {
            total += Math.min(f.get(i).candidates(), keepCount(keepPercent, size(i)));
            floorSum += f.get(i).count();
        }
        return total < floorSum;
    }

    /**
     * Kept counts per block for {@link PruningMethod#RAMANUJAN} at q: magnitude's count per block, t_i, where that
     * keeps the block at or above its floor f_i; blocks that would fall below keep f_i, and the others are pruned
     * harder at one common fraction p &lt;= q (the largest p whose counts fit the total sum t_i), the rounding
     * remainder added one entry at a time in block order. If sum f_i exceeds sum t_i, every block keeps f_i.
     */
    private int[] ramanujanCounts(double keepPercent) {
        List<GapFloor.Floor> f = floors();
        int n = blocks.size();
        int[] target = new int[n];
        long total = 0;
        long floorSum = 0;
        for (int i = 0; i < n; i++) {
            target[i] = Math.min(f.get(i).candidates(), keepCount(keepPercent, size(i)));
            total += target[i];
            floorSum += f.get(i).count();
        }
        // Magnitude would keep no more than the floors together: every block keeps its floor, the fewest that still
        // have a positive gap (the lowest reachable q).
        if (total <= floorSum) {
            int[] k = new int[n];
            for (int i = 0; i < n; i++) {
                k[i] = f.get(i).count();
            }
            return k;
        }
        double lo = 0;
        double hi = keepPercent;
        // Bisection on the common fraction p: clampedSum is non-decreasing in p, so the largest p whose clamped counts
        // fit in the budget is found to 1e-12 relative; 100 halvings are more than enough for that precision.
        if (clampedSum(hi, f) > total) {
            for (int it = 0; it < 100 && hi - lo > 1e-12 * keepPercent; it++) {
                double mid = (lo + hi) / 2;
                if (clampedSum(mid, f) <= total) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
        } else {
            lo = hi;
        }
        int[] k = new int[n];
        long sum = 0;
        for (int i = 0; i < n; i++) {
            k[i] = clamped(lo, i, f.get(i));
            sum += k[i];
        }
        // Rounding leaves sum below the budget by at most one entry per block: add them in block order, never beyond a
        // block's magnitude target, so the total kept equals magnitude's total at q.
        while (sum < total) {
            for (int i = 0; i < n && sum < total; i++) {
                if (k[i] < target[i]) {
                    k[i]++;
                    sum++;
                }
            }
        }
        return k;
    }

    private long size(int block) {
        return (long) blocks.get(block).rows() * blocks.get(block).cols();
    }

    // a block keeps its share at p, but never fewer than its floor nor more than its remaining candidates
    private int clamped(double p, int block, GapFloor.Floor f) {
        int k = p <= 0 ? 0 : keepCount(p, size(block));
        return Math.max(f.count(), Math.min(f.candidates(), k));
    }

    private long clampedSum(double p, List<GapFloor.Floor> f) {
        long s = 0;
        for (int i = 0; i < blocks.size(); i++) {
            s += clamped(p, i, f.get(i));
        }
        return s;
    }

    // The first k candidates of a fixed order: the prefix property that makes masks at smaller q nested in larger q.
    private static boolean[] takeFirst(int[] order, boolean[] candidate, int k) {
        boolean[] keep = new boolean[candidate.length];
        int taken = 0;
        for (int idx : order) {
            if (taken >= k) {
                break;
            }
            if (candidate[idx]) {
                keep[idx] = true;
                taken++;
            }
        }
        return keep;
    }

    // Global magnitude ranks all matrices' entries together: a matrix of small weights (often W_ih against
    // W_hh) loses more of its edges than one of large weights, which is the point of comparing it with the
    // per-matrix method.
    private void pruneGlobal(double keepPercent, boolean[][] out) {
        long total = 0;
        for (WeightMatrix w : blocks) {
            total += (long) w.rows() * w.cols();
        }
        int k = keepCount(keepPercent, total);
        // merge the per-block orders by |w|: a k-way selection via one global sort of (|w|, block, index)
        int n = (int) total;
        long[] ids = new long[n];
        double[] mag = new double[n];
        int p = 0;
        for (int i = 0; i < blocks.size(); i++) {
            double[] d = blocks.get(i).toRowMajor();
            out[i] = new boolean[d.length];
            for (int j = 0; j < d.length; j++) {
                // block in the high half, entry in the low half: one long sorts along with its magnitude
                ids[p] = ((long) i << 32) | j;
                mag[p++] = candidates.get(i)[j] ? Math.abs(d[j]) : -1.0;
            }
        }
        // non-candidates (-1) sort last and are never taken; ties go by (block, index), the order of p
        int[] order = IndexSort.descending(mag);
        int taken = 0;
        for (int i = 0; i < n && taken < k; i++) {
            int o = order[i];
            if (mag[o] < 0) {
                break;
            }
            out[(int) (ids[o] >>> 32)][(int) ids[o]] = true;
            taken++;
        }
    }

    // Every right vertex (hidden pre-activation) keeps its k strongest inputs, so no unit is cut off and the
    // right degrees are equal; the left degrees follow from the weights.
    private boolean[] topKPerColumn(int blockIndex, double keepPercent) {
        WeightMatrix w = blocks.get(blockIndex);
        int rows = w.rows();
        int cols = w.cols();
        // k per column: q percent of the column's rows (its in-degree when dense), at least 1 so no unit is cut off
        int k = (int) Math.max(1, Math.min(rows, Math.round(keepPercent * rows / 100.0)));
        boolean[] cand = candidates.get(blockIndex);
        boolean[] keep = new boolean[rows * cols];
        int[] taken = new int[cols];
        for (int idx : orders.get(blockIndex)) {
            // the block's magnitude order visits each column's entries strongest first: the first k taken are its top k
            int c = idx % cols;
            if (cand[idx] && taken[c] < k) {
                keep[idx] = true;
                taken[c]++;
            }
        }
        return keep;
    }

    // Two passes: first reserve each vertex's strongest edges up to the minimum degree (so no vertex becomes
    // isolated, which would lower the expansion most), then fill up to k by magnitude. The reserve can exceed k at
    // small q; then q is exceeded rather than the degree guarantee broken (the summary reports the q reached).
    private boolean[] expansionPreserving(int blockIndex, int k) {
        WeightMatrix w = blocks.get(blockIndex);
        int rows = w.rows();
        int cols = w.cols();
        boolean[] cand = candidates.get(blockIndex);
        boolean[] keep = new boolean[rows * cols];
        int[] rowTaken = new int[rows];
        int[] colTaken = new int[cols];
        int[] order = orders.get(blockIndex);
        int kept = 0;
        // reserve: each vertex's strongest edges until its degree reaches minDegree (or it has no more candidates)
        // the block's magnitude order: each vertex's strongest candidate edges come first, whichever side it is on
        for (int idx : order) {
            int r = idx / cols;
            int c = idx % cols;
            if (cand[idx] && (rowTaken[r] < minDegree || colTaken[c] < minDegree)) {
                keep[idx] = true;
                rowTaken[r]++;
                colTaken[c]++;
                kept++;
            }
        }
        for (int idx : order) {
            if (kept >= k) {
                break;
            }
            if (cand[idx] && !keep[idx]) {
                keep[idx] = true;
                kept++;
            }
        }
        return keep;
    }

    /** Entry indices by |w| descending, ties by index ascending. */
    static int[] magnitudeOrder(WeightMatrix w) {
        double[] d = w.toRowMajor();
        for (int i = 0; i < d.length; i++) {
            d[i] = Math.abs(d[i]);
        }
        // ties by index keep the order (and so every mask) identical across runs and machines
        return IndexSort.descending(d);
    }

    private static int[] randomOrder(WeightMatrix w, long seed) {
        // every permutation equally likely, reproducible from the seed, which callers record with the result
        return Shuffle.permutation(w.rows() * w.cols(), new SplittableRandom(seed));
    }
}

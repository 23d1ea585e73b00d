package org.expanderexplorer.core.pruning;

import java.util.ArrayDeque;
import java.util.Arrays;
import org.expanderexplorer.core.IndexSort;

/**
 * The kept pattern of {@link PruningMethod#BALANCED} for one block (a matrix or a gate slice): k entries, taken in
 * magnitude order under per-row and per-column degree budgets, so that the pattern is near-biregular (science.md,
 * section 8; decision 0023).
 *
 * <p>Budgets: row i may keep t_i entries, where t_i is L or L + 1 for the level L that makes the budgets add up
 * to k (the L + 1 go to the rows of largest candidate strength sum |w|, ties by index), and never more than the
 * row's candidates (a row with fewer candidates keeps all of them and the level rises for the others); the same
 * for the columns. With every entry a candidate (one-shot pruning of a matrix without zeros) this is
 * L = floor(k / rows): every row keeps floor(k / rows) or ceil(k / rows) entries, every column floor(k / cols) or
 * ceil(k / cols), exactly k in all.
 *
 * <p>Method: (1) greedy, candidates in magnitude order, an entry taken when its row and its column are both under
 * budget; (2) while fewer than k are taken, an augmenting path (breadth-first, from the rows under budget, along
 * an untaken candidate to a column, back along a taken entry to a row, ..., to a column under budget) is flipped,
 * which adds one entry and keeps every budget: a maximum b-matching, as in Ford-Fulkerson; (3) only where no path
 * is left (the candidates admit no pattern with these budgets, possible inside an earlier mask), the remaining
 * entries are taken in magnitude order with every budget raised by 1, then 2, ... until k are kept, and
 * {@link #extraBudget()} says by how much.
 *
 * <p>What it promises: the budgets (with extra 0 whenever the candidates allow it), and exactly
 * min(k, candidates) entries. Not the gap: a near-biregular pattern tends to keep mu_hat low for its edge count,
 * but nothing bounds it. Cost: O(N) for the greedy pass over N entries, O(N) per augmenting path (a breadth-first
 * search over the dense block), so O(N s) for a greedy shortfall s.
 */
final class BalancedSelection {

    private final int rows;
    private final int cols;
    private final boolean[] candidate;
    private final int[] order;
    private final int[] rowTarget;
    private final int[] colTarget;
    private final boolean[] taken;
    private final int[] rowDeg;
    private final int[] colDeg;
    private int extra;

    /**
     * @param rows      block rows
     * @param cols      block columns
     * @param weights   row-major |w| or w (only magnitudes are used); not modified
     * @param candidate row-major candidate flags; not modified
     * @param order     every entry index by |w| descending, ties by index
     * @param k         entries to keep
     */
    BalancedSelection(int rows, int cols, double[] weights, boolean[] candidate, int[] order, int k) {
        this.rows = rows;
        this.cols = cols;
        this.candidate = candidate;
        this.order = order;
        int[] rowCand = new int[rows];
        int[] colCand = new int[cols];
        double[] rowStrength = new double[rows];
        double[] colStrength = new double[cols];
        int total = 0;
        for (int idx = 0; idx < candidate.length; idx++) {
            if (candidate[idx]) {
                int r = idx / cols;
                int c = idx % cols;
                rowCand[r]++;
                colCand[c]++;
                rowStrength[r] += Math.abs(weights[idx]);
                colStrength[c] += Math.abs(weights[idx]);
                total++;
            }
        }
        int keep = Math.min(k, total);
        this.rowTarget = targets(rowCand, rowStrength, keep);
        this.colTarget = targets(colCand, colStrength, keep);
        this.taken = new boolean[rows * cols];
        this.rowDeg = new int[rows];
        this.colDeg = new int[cols];
        int kept = greedy(0);
        while (kept < keep && augment()) {
            kept++;
        }
        while (kept < keep) {
            extra++;
            kept = greedy(kept);
        }
    }

    /** The kept flags, row-major (owned by the caller). */
    boolean[] kept() {
        return taken.clone();
    }

    /** How much every budget had to be raised to keep k entries (0 whenever the candidates allow the budgets). */
    int extraBudget() {
        return extra;
    }

    /** Row budgets (for tests). */
    int[] rowTargets() {
        return rowTarget.clone();
    }

    /** Column budgets (for tests). */
    int[] colTargets() {
        return colTarget.clone();
    }

    /**
     * Budgets t_i in {L, L + 1} (capped by caps_i) adding up to k, the L + 1 going to the largest strengths; k must
     * not exceed the sum of the caps.
     */
    static int[] targets(int[] caps, double[] strength, int k) {
        int n = caps.length;
        int[] t = new int[n];
        if (n == 0 || k == 0) {
            return t;
        }
        // the largest level L with sum min(cap, L) <= k
        int lo = 0;
        int hi = k;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (capped(caps, mid) <= k) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        int assigned = 0;
        for (int i = 0; i < n; i++) {
            t[i] = Math.min(caps[i], lo);
            assigned += t[i];
        }
        int[] byStrength = IndexSort.descending(strength);
        for (int j = 0; j < n && assigned < k; j++) {
            int i = byStrength[j];
            if (caps[i] > lo) {
                t[i]++;
                assigned++;
            }
        }
        return t;
    }

    private static long capped(int[] caps, int level) {
        long s = 0;
        for (int c : caps) {
            s += Math.min(c, level);
        }
        return s;
    }

    /** One pass in magnitude order taking every entry whose row and column are under budget (+ extra). */
    private int greedy(int kept) {
        int keep = Arrays.stream(rowTarget).sum();
        for (int idx : order) {
            if (kept >= keep) {
                break;
            }
            if (!candidate[idx] || taken[idx]) {
                continue;
            }
            int r = idx / cols;
            int c = idx % cols;
            if (rowDeg[r] < rowTarget[r] + extra && colDeg[c] < colTarget[c] + extra) {
                take(idx, true);
                kept++;
            }
        }
        return kept;
    }

    private void take(int idx, boolean on) {
        taken[idx] = on;
        int d = on ? 1 : -1;
        rowDeg[idx / cols] += d;
        colDeg[idx % cols] += d;
    }

    /** Finds and flips one augmenting path; false when there is none. */
    private boolean augment() {
        int[] rowFrom = new int[rows]; // the entry by which a row was reached (-1: a source row)
        int[] colFrom = new int[cols]; // the entry by which a column was reached
        Arrays.fill(rowFrom, -2);
        Arrays.fill(colFrom, -2);
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int r = 0; r < rows; r++) {
            if (rowDeg[r] < rowTarget[r]) {
                rowFrom[r] = -1;
                queue.add(r);
            }
        }
        while (!queue.isEmpty()) {
            int r = queue.poll();
            for (int c = 0; c < cols; c++) {
                int idx = r * cols + c;
                if (colFrom[c] != -2 || !candidate[idx] || taken[idx]) {
                    continue;
                }
                colFrom[c] = idx;
                if (colDeg[c] < colTarget[c]) {
                    flip(c, rowFrom, colFrom);
                    return true;
                }
                for (int r2 = 0; r2 < rows; r2++) {
                    int back = r2 * cols + c;
                    if (taken[back] && rowFrom[r2] == -2) {
                        rowFrom[r2] = back;
                        queue.add(r2);
                    }
                }
            }
        }
        return false;
    }

    private void flip(int endCol, int[] rowFrom, int[] colFrom) {
        int c = endCol;
        while (true) {
            int forward = colFrom[c];
            int r = forward / cols;
            take(forward, true);
            int back = rowFrom[r];
            if (back == -1) {
                return;
            }
            take(back, false);
            c = back % cols;
        }
    }
}

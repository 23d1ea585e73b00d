package org.expanderexplorer.core.model;

import org.expanderexplorer.core.graph.GateOrder;

/**
 * PyTorch's weight layouts against Deeplearning4j's: PyTorch stores a recurrent weight as (gates*H x n) for
 * y = W x with the LSTM gate blocks i, f, g, o; Deeplearning4j as (n x gates*H) for y = x W with the blocks g, f, o, i
 * ({@link GateOrder#DL4J_LSTM}). Biases only move their gate blocks. Shared by every state_dict reader and writer.
 */
final class TorchLayouts {

    private TorchLayouts() {
    }

    /** PyTorch (gates*H x n, blocks i f g o) to Deeplearning4j (n x gates*H, blocks g f o i). */
    static double[][] fromPyTorch(double[][] pt, ModelSpec spec) {
        // Two differences at once: PyTorch stores a weight as (out x in) for y = W x, Deeplearning4j as (in x out) for
        // y = x W, and the gate blocks come in another order. Getting either wrong still loads and runs, with a wrong
        // accuracy, so PyTorchNpzTest checks the imported network against PyTorch's equations computed independently.
        int gh = pt.length;
        int n = pt[0].length;
        int h = spec.hidden();
        double[][] dl = new double[n][gh];
        // b runs over DL4J's column blocks; row src * h + j of PyTorch's matrix is unit j of that same gate
        for (int b = 0; b < spec.cell().gates(); b++) {
            int src = pytorchBlock(b, spec);
            for (int j = 0; j < h; j++) {
                double[] row = pt[src * h + j];
                for (int k = 0; k < n; k++) {
                    dl[k][b * h + j] = row[k];
                }
            }
        }
        return dl;
    }

    /** Inverse of {@link #fromPyTorch}. */
    static double[][] toPyTorch(double[][] dl, ModelSpec spec) {
        int n = dl.length;
        int gh = dl[0].length;
        int h = spec.hidden();
        // the exact inverse: the same block map, with the copy running the other way, so a round trip is the identity
        double[][] pt = new double[gh][n];
        for (int b = 0; b < spec.cell().gates(); b++) {
            int dst = pytorchBlock(b, spec);
            for (int j = 0; j < h; j++) {
                for (int k = 0; k < n; k++) {
                    pt[dst * h + j][k] = dl[k][b * h + j];
                }
            }
        }
        return pt;
    }

    // Biases are vectors: only the gate blocks move. (PyTorch's two biases, bias_ih and bias_hh, are added
    // before this call, since Deeplearning4j has one.)
    static double[] biasFromPyTorch(double[] pt, ModelSpec spec) {
        int h = spec.hidden();
        double[] dl = new double[pt.length];
        for (int b = 0; b < spec.cell().gates(); b++) {
            System.arraycopy(pt, pytorchBlock(b, spec) * h, dl, b * h, h);
        }
        return dl;
    }

    static double[] biasToPyTorch(double[] dl, ModelSpec spec) {
        int h = spec.hidden();
        double[] pt = new double[dl.length];
        for (int b = 0; b < spec.cell().gates(); b++) {
            System.arraycopy(dl, b * h, pt, pytorchBlock(b, spec) * h, h);
        }
        return pt;
    }

    /** PyTorch's block index (i f g o = 0 1 2 3) of Deeplearning4j column block {@code b}. */
    private static int pytorchBlock(int b, ModelSpec spec) {
        // an RNN has one block, the same in both libraries
        return spec.cell() == CellType.LSTM ? GateOrder.PYTORCH.blockOf(GateOrder.DL4J_LSTM.blocks().get(b)) : 0;
    }

    static double[][] transpose(double[][] m) {
        // an empty matrix has no first row to read the column count from
        if (m.length == 0) {
            return new double[0][0];
        }
        double[][] t = new double[m[0].length][m.length];
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m[0].length; j++) {
                t[j][i] = m[i][j];
            }
        }
        return t;
    }
}

package org.expanderexplorer.core.model;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The JIT warm-up of {@link VectorKernels} (decision 0024), started by {@link VectorInference#warmUpInBackground()}.
 */
final class KernelWarmUp {

    private KernelWarmUp() {
    }

    /**
     * Calls every kernel often enough, on tiny inputs, for the JIT compiler to compile it with its vector
     * intrinsics: the vector API is only fast in compiled code (interpreted, every operation allocates and loops
     * over the lanes), and a first real evaluation would otherwise run for seconds before the compiler caught up.
     * The compiler compiles a method after about 5,000 calls; the products are called with 8 rows of [x; h]
     * (their loops then look like loops to it), both ways of starting the accumulators, and a few whole forward
     * passes through a 2-layer LSTM and RNN, dense and sparse, cover the code around them.
     *
     * @param calls calls of each kernel
     */
    static void run(int calls) {
        SplittableRandom rnd = new SplittableRandom(1);
        float[] z = new float[8 * VectorKernels.PANEL];
        for (int k = 0; k < z.length; k++) {
            z[k] = (float) rnd.nextGaussian();
        }
        float[] w = new float[8 * 4];
        for (int k = 0; k < w.length; k++) {
            w[k] = (float) rnd.nextGaussian();
        }
        int[] zRow = {0, 1, 2, 3, 4, 5, 6, 7};
        float[] bias = new float[4];
        ModelSpec lstm = new ModelSpec(CellType.LSTM, 2, 2, 2, 2);
        ModelSpec rnn = new ModelSpec(CellType.RNN, 2, 4, 2, 2);
        VectorKernels lk = CompiledNetwork.of(NetworkWeights.random(lstm, 1, 0.3)).newKernels(2);
        VectorKernels rk = CompiledNetwork.of(NetworkWeights.random(rnn, 1, 0.3)).newKernels(2);
        float[] c = new float[VectorKernels.PANEL];
        float[] h = new float[2 * VectorKernels.PANEL];
        System.arraycopy(z, 0, lk.gates, 0, 4 * VectorKernels.PANEL);
        System.arraycopy(z, 0, rk.gates, 0, 4 * VectorKernels.PANEL);
        for (int i = 0; i < calls; i++) {
            boolean add = (i & 1) == 1;
            VectorKernels.denseGroup(w, 0, 8, z, 0, lk.gates, 4 * VectorKernels.PANEL, bias, 0, add);
            VectorKernels.sparseGroup(0, 8, zRow, w, z, lk.gates, 4 * VectorKernels.PANEL, bias, 0, add);
            VectorKernels.sparsePair(0, 8, 0, 8, 0, 8, zRow, w, zRow, w, z, rk.gates, 2 * VectorKernels.PANEL, bias,
                    0, add);
            lk.lstmGates(1, c, h, VectorKernels.PANEL);
            rk.rnnGates(1, h, VectorKernels.PANEL);
        }
        float[] x = new float[2 * 2];
        float[] out = new float[2];
        for (ModelSpec spec : List.of(lstm, rnn)) {
            NetworkWeights weights = NetworkWeights.random(spec, 2, 0.7);
            for (double sparseBelow : new double[] {0, 2}) {
                CompiledNetwork net = CompiledNetwork.of(weights, sparseBelow);
                for (int i = 0; i < calls / 50; i++) {
                    net.newKernels(2).forward((j, dest, at, stride) -> {
                        for (int k = 0; k < x.length; k++) {
                            dest[at + k * stride] = x[k];
                        }
                    }, 1, out);
                }
            }
        }
    }
}

package org.expanderexplorer.jmh;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What one core delivers in floating-point operations, to set the other benchmarks against:
 * <ul>
 *   <li>{@code scalarFma}: 12 independent chains of scalar fused multiply-adds ({@link Math#fma}), 2 flops each,
 *       enough chains to cover the FMA latency on two pipes: the scalar peak of Java code;</li>
 *   <li>{@code ejmlMultiply512}: EJML's dense 512 x 512 double product, 2 n^3 = 268 Mflop: what the pure-Java
 *       dense kernels reach;</li>
 *   <li>{@code blasDgemm512}, {@code blasSgemm512}: the same product through ND4J's OpenBLAS (vectorised, tuned),
 *       in double and in float: the practical peak of the machine. Run with {@code OMP_NUM_THREADS=1} in the
 *       environment for one core.</li>
 * </ul>
 * Divide the flop counts above by the reported average times.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PeakFlopsBenchmark extends StandardRun {

    /** Fused multiply-adds per chain in {@link #scalarFma}: 12 chains x 2 flops x 1e6 = 24 Mflop. */
    public static final int FMA_STEPS = 1_000_000;
    private static final int N = 512;

    private double c = 0.999_999;
    private double d = 1e-7;
    private DMatrixRMaj a;
    private DMatrixRMaj b;
    private DMatrixRMaj product;
    private INDArray da;
    private INDArray db;
    private INDArray fa;
    private INDArray fb;

    @Setup
    public void setUp() {
        Random r = new Random(7);
        a = DMatrixRMaj.wrap(N, N, r.doubles(N * N).toArray());
        b = DMatrixRMaj.wrap(N, N, r.doubles(N * N).toArray());
        product = new DMatrixRMaj(N, N);
        da = Nd4j.create(a.data, new long[] {N, N}, 'c');
        db = Nd4j.create(b.data, new long[] {N, N}, 'c');
        fa = da.castTo(DataType.FLOAT);
        fb = db.castTo(DataType.FLOAT);
    }

    @Benchmark
    public double scalarFma() {
        double a0 = 1, a1 = 2, a2 = 3, a3 = 4, a4 = 5, a5 = 6, a6 = 7, a7 = 8, a8 = 9, a9 = 10, a10 = 11, a11 = 12;
        double m = c;
        double e = d;
        for (int i = 0; i < FMA_STEPS; i++) {
            a0 = Math.fma(a0, m, e);
            a1 = Math.fma(a1, m, e);
            a2 = Math.fma(a2, m, e);
            a3 = Math.fma(a3, m, e);
            a4 = Math.fma(a4, m, e);
            a5 = Math.fma(a5, m, e);
            a6 = Math.fma(a6, m, e);
            a7 = Math.fma(a7, m, e);
            a8 = Math.fma(a8, m, e);
            a9 = Math.fma(a9, m, e);
            a10 = Math.fma(a10, m, e);
            a11 = Math.fma(a11, m, e);
        }
        return a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + a11;
    }

    @Benchmark
    public DMatrixRMaj ejmlMultiply512() {
        CommonOps_DDRM.mult(a, b, product);
        return product;
    }

    @Benchmark
    public INDArray blasDgemm512() {
        return da.mmul(db);
    }

    @Benchmark
    public INDArray blasSgemm512() {
        return fa.mmul(fb);
    }
}

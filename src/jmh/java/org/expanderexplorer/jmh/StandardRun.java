package org.expanderexplorer.jmh;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How every benchmark here runs unless it says otherwise: sample time in milliseconds (so that JMH reports the
 * median, p0.50, next to the mean), 5 warm-up and 10 measured iterations of 1 s, one fork with a 1 GB heap. JMH's
 * run annotations are inherited; a benchmark restates only the one it changes (a whole-model benchmark its longer
 * iterations and its heap, the flop count its mode), and that annotation then replaces this one whole.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public abstract class StandardRun {
}

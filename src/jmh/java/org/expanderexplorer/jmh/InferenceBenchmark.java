package org.expanderexplorer.jmh;

import java.io.IOException;
import java.nio.file.Path;
import org.expanderexplorer.core.data.Datasets;
import org.expanderexplorer.core.data.SequenceDataset;
import org.expanderexplorer.core.data.Split;
import org.expanderexplorer.core.model.EvaluationResult;
import org.expanderexplorer.core.model.Evaluator;
import org.expanderexplorer.core.model.ModelFiles;
import org.expanderexplorer.core.model.Nd4jThreads;
import org.expanderexplorer.core.model.RecurrentClassifier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Accuracy of the sample sequential-MNIST LSTM-128 on the first 1,000 test sequences (28 steps of 28 pixels):
 * batched inference (the vector API path of {@code Evaluator}, or without the module the fused LSTM path), the
 * argmax and the confusion count, with {@code threads} ND4J threads (default 1, as the application uses; the
 * vector path computes on the calling thread). Run from the project folder.
 */
@State(Scope.Benchmark)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "--add-modules", "jdk.incubator.vector"})
public class InferenceBenchmark extends StandardRun {

    @Param({"sample-models/smnist-lstm128.zip"})
    public String model;

    @Param({"1000"})
    public int sequences;

    @Param({"1000"})
    public int batch;

    @Param({"1"})
    public int threads;

    private RecurrentClassifier classifier;
    private SequenceDataset test;

    @Setup
    public void setUp() throws IOException {
        classifier = ModelFiles.loadAny(Path.of(model)).model();
        Nd4jThreads.set(threads);
        test = Datasets.load("mnist", Split.TEST);
    }

    @Benchmark
    public EvaluationResult accuracy() {
        return new Evaluator(classifier, test, sequences, batch).result();
    }
}

package org.expanderexplorer.core.subject;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.expanderexplorer.core.data.Datasets;
import org.expanderexplorer.core.data.SequenceDataset;
import org.expanderexplorer.core.data.SequenceDatasets;
import org.expanderexplorer.core.data.Split;
import org.expanderexplorer.core.graph.Representation;
import org.expanderexplorer.core.graph.WeightMatrix;
import org.expanderexplorer.core.model.CellType;
import org.expanderexplorer.core.model.Evaluator;
import org.expanderexplorer.core.model.ModelMetadata;
import org.expanderexplorer.core.model.ModelSpec;
import org.expanderexplorer.core.model.NpyArray;
import org.expanderexplorer.core.model.NpzFiles;
import org.expanderexplorer.core.model.ProgressListener;
import org.expanderexplorer.core.model.PyTorchNpz;
import org.expanderexplorer.core.model.RecurrentClassifier;
import org.expanderexplorer.core.model.RecurrentWeights;
import org.expanderexplorer.core.model.Trainer;
import org.expanderexplorer.core.model.TrainingConfig;
import org.expanderexplorer.core.model.WeightKind;
import org.expanderexplorer.core.model.WeightMasks;
import org.expanderexplorer.core.pruning.PruningMask;
import org.expanderexplorer.core.pruning.PruningSchedule;
import org.expanderexplorer.core.spectral.AnalysisOptions;
import org.expanderexplorer.core.sweep.ModelFineTuner;
import org.expanderexplorer.core.sweep.SweepConfig;
import org.expanderexplorer.core.sweep.SweepResult;
import org.expanderexplorer.core.sweep.SweepRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exports of pruned models evaluate, in plain Deeplearning4j and through the NPZ, to what the sweep reported. */
class PrunedModelExportTest {

    @TempDir
    static Path dir;

    static SequenceDataset train;
    static SequenceDataset test;
    static RecurrentClassifier model;

    @BeforeAll
    static void trainTinyLstm() {
        train = SequenceDatasets.subset(Datasets.load("digits8", Split.TRAIN), 300, 1);
        test = Datasets.load("digits8", Split.TEST);
        RecurrentClassifier start = RecurrentClassifier.create(new ModelSpec(CellType.LSTM, 8, 8, 1, 10), 3, 0.02, 0);
        model = new Trainer(start, train, new TrainingConfig(2, 32, 0.02, 3), WeightMasks.none(),
                ProgressListener.NONE, () -> false).run().model();
    }

    static SweepConfig config(PruningSchedule schedule) {
        return new SweepConfig(schedule, PruneSettings.DEFAULT, List.of(GraphId.IH, GraphId.HH),
                Set.of(Representation.UNWEIGHTED), 0, AnalysisOptions.DEFAULT.withExact(AnalysisOptions.Exact.NEVER));
    }

    @Test
    void oneShotExportsEvaluateToTheSweepsAccuracyInDl4jAndThroughTheNpz() throws IOException {
        Subject s = ModelSubjects.of("tiny", model, test, 0);
        List<PrunedState> states = new ArrayList<>();
        SweepResult r = new SweepRunner(s, config(PruningSchedule.oneShot(List.of(100.0, 50.0, 20.0))))
                .run(null, (st, sub) -> states.add(st), null);
        PrunedState at20 = states.get(2);
        double reported = r.points().get(2).accuracy();
        PrunedModelExport e = new PrunedModelExport(model, 0, at20);
        Path zip = dir.resolve("tiny-q20.zip");
        Path npz = dir.resolve("tiny-q20.npz");
        e.writeZip(zip, ModelMetadata.of(model.spec(), "trained"), "pruned: magnitude, q = 20 %");
        e.writeNpz(npz);

        // plain Deeplearning4j reads the zip (our metadata entry is ignored by it)
        MultiLayerNetwork net = ModelSerializer.restoreMultiLayerNetwork(zip.toFile(), false);
        RecurrentClassifier restored = RecurrentClassifier.wrap(net);
        assertThat(new Evaluator(restored, test).result().accuracy()).isEqualTo(reported);
        WeightMatrix ih = new RecurrentWeights(restored).matrix(0, WeightKind.INPUT);
        WeightMatrix dense = new RecurrentWeights(model).matrix(0, WeightKind.INPUT);
        for (int i = 0; i < ih.rows(); i++) {
            for (int j = 0; j < ih.cols(); j++) {
                assertThat(ih.get(i, j)).isEqualTo(at20.ihMask().isKept(i, j) ? dense.get(i, j) : 0.0);
            }
        }

        // the NPZ: PyTorch layout, a mask per pruned matrix, and it loads back to the same accuracy
        Map<String, NpyArray> arrays = NpzFiles.read(npz);
        for (String key : List.of("rnn.weight_ih_l0", "rnn.weight_hh_l0")) {
            NpyArray w = arrays.get(key);
            NpyArray m = arrays.get(key + ".mask");
            assertThat(m.shape()).containsExactly(w.shape());
            double[] wv = w.values();
            double[] mv = m.values();
            for (int k = 0; k < wv.length; k++) {
                assertThat(mv[k]).isEqualTo(wv[k] != 0 ? 1.0 : 0.0);
            }
        }
        int keptIh = 0;
        for (double v : arrays.get("rnn.weight_ih_l0.mask").values()) {
            keptIh += (int) v;
        }
        assertThat(keptIh).isEqualTo(at20.ihMask().keptCount()).isEqualTo(Math.round(0.2 * 8 * 32));
        RecurrentClassifier fromNpz = PyTorchNpz.load(npz).model();
        assertThat(new Evaluator(fromNpz, test).result().accuracy()).isEqualTo(reported);

        // sizes: 20 % of the recurrent weights kept is smaller as CSR and as gzip
        PrunedModelExport.Summary sum = e.summary();
        long pruned = (8 * 32 - at20.ihMask().keptCount()) + (8 * 32 - at20.hhMask().keptCount());
        assertThat(sum.parameters()).isEqualTo(model.spec().parameterCount());
        assertThat(sum.nonZero()).isEqualTo(sum.parameters() - pruned);
        assertThat(sum.denseBytes()).isEqualTo(4 * sum.parameters());
        // CSR: 8 bytes per kept entry + 4 (rows + 1) row pointers per pruned matrix, the rest dense
        long kept = at20.ihMask().keptCount() + at20.hhMask().keptCount();
        assertThat(sum.sparseBytes()).isEqualTo(4 * (sum.parameters() - 2 * 8 * 32) + 8 * kept + 2 * 4 * 9);
        assertThat(sum.sparseBytes()).isLessThan(sum.denseBytes());
        assertThat(sum.gzipPrunedBytes()).isLessThan(sum.gzipDenseBytes());
        assertThat(sum.matrices()).extracting(PrunedModelExport.MatrixSummary::key)
                .containsExactly("rnn.weight_ih_l0", "rnn.weight_hh_l0");
    }

    @Test
    void fineTunedRoundsHoldTheirMasksAndTheirExportEvaluatesToTheReportedAccuracy() throws IOException {
        ModelFineTuner tuner = new ModelFineTuner("tiny", model, 0, SequenceDatasets.subset(train, 100, 2), test,
                new TrainingConfig(1, 32, 0.01, 5), ProgressListener.NONE);
        Subject s = ModelSubjects.of("tiny", model, test, 0);
        List<PrunedState> states = new ArrayList<>();
        List<RecurrentClassifier> nets = new ArrayList<>();
        SweepResult r = new SweepRunner(s, config(new PruningSchedule(List.of(100.0, 60.0, 30.0), true)), tuner)
                .run(null, (st, sub) -> {
                    states.add(st);
                    nets.add(tuner.latest());
                }, null);
        assertThat(nets.get(0)).isSameAs(model);
        RecurrentClassifier last = nets.get(2);
        assertThat(last).isNotSameAs(nets.get(1));
        PrunedState at30 = states.get(2);
        // the fine-tuned weights are exactly zero where pruned, and the round-2 mask lies within the round-1 mask
        WeightMatrix ih = new RecurrentWeights(last).matrix(0, WeightKind.INPUT);
        for (int i = 0; i < ih.rows(); i++) {
            for (int j = 0; j < ih.cols(); j++) {
                if (!at30.ihMask().isKept(i, j)) {
                    assertThat(ih.get(i, j)).isEqualTo(0.0);
                }
            }
        }
        PruningMask within = at30.hhMask().and(states.get(1).hhMask());
        assertThat(within).isEqualTo(at30.hhMask());
        Path zip = dir.resolve("tiny-ft-q30.zip");
        new PrunedModelExport(last, 0, at30).writeZip(zip, ModelMetadata.of(model.spec(), "trained"), "fine-tuned");
        RecurrentClassifier restored = RecurrentClassifier.wrap(ModelSerializer.restoreMultiLayerNetwork(zip.toFile(),
                false));
        assertThat(new Evaluator(restored, test).result().accuracy()).isEqualTo(r.points().get(2).accuracy());
        assertThat(tuner.describe()).contains("1 epoch(s)").contains("100 examples");
    }
}

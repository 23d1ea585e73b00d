package org.expanderexplorer.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.expanderexplorer.core.data.Datasets;
import org.expanderexplorer.core.data.Split;
import org.junit.jupiter.api.Test;

/** The models shipped in sample-models/ load, have the documented architecture and reach their accuracy. */
class SampleModelsTest {

    private static final Path FOLDER = Path.of("sample-models");

    @Test
    void digitsRnnReachesEightyFivePercentOnTheDigitsTestSplit() throws IOException {
        SavedModel m = ModelFiles.load(FOLDER.resolve("digits8-rnn12.zip"));
        assertThat(m.model().spec()).isEqualTo(new ModelSpec(CellType.RNN, 8, 12, 1, 10));
        EvaluationResult r = new Evaluator(m.model(), Datasets.load("digits8", Split.TEST)).result();
        assertThat(r.examples()).isEqualTo(359);
        assertThat(r.accuracy()).isGreaterThanOrEqualTo(0.85);
        // evaluation is deterministic, so it reproduces the accuracy measured right after training
        assertThat(r.accuracy()).isEqualTo(m.metadata().testAccuracy());
    }

    @Test
    void sequentialMnistModelsLoadAndClassify() throws IOException {
        for (String name : new String[] {"smnist-rnn128.zip", "smnist-lstm128.zip"}) {
            SavedModel m = ModelFiles.load(FOLDER.resolve(name));
            assertThat(m.model().spec().inputs()).isEqualTo(28);
            assertThat(m.model().spec().hidden()).isEqualTo(128);
            assertThat(m.metadata().dataset()).isEqualTo("mnist");
            assertThat(m.metadata().testExamples()).isEqualTo(10_000);
            // a quick look at the first 500 test digits; the full figure is in sample-models/README.md
            EvaluationResult r = new Evaluator(m.model(), Datasets.load("mnist", Split.TEST), 500, 500).result();
            assertThat(r.accuracy()).as(name).isGreaterThan(0.9);
        }
    }
}

package org.expanderexplorer.core.subject;

import static org.assertj.core.api.Assertions.assertThat;

import org.expanderexplorer.core.data.SequenceDataset;
import org.expanderexplorer.core.model.CellType;
import org.expanderexplorer.core.model.ModelSpec;
import org.junit.jupiter.api.Test;

/** Whether a data set can measure a model: its features per step, and every one of its classes has an output. */
class LoadedModelTest {

    private static SequenceDataset shaped(String name, int features, int classes) {
        return new SequenceDataset() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public int size() {
                return 1;
            }

            @Override
            public int steps() {
                return 3;
            }

            @Override
            public int features() {
                return features;
            }

            @Override
            public int classes() {
                return classes;
            }

            @Override
            public int label(int i) {
                return 0;
            }

            @Override
            public void copySequence(int i, float[] dest, int offset) {
            }
        };
    }

    @Test
    void featuresMustMatchAndClassesFitTheOutputs() {
        ModelSpec spec = new ModelSpec(CellType.RNN, 28, 16, 1, 10);
        assertThat(LoadedModel.misfit(spec, shaped("mnist-test", 28, 10))).isNull();
        assertThat(LoadedModel.misfit(spec, shaped("few-classes", 28, 4))).isNull(); // unused outputs are fine
        assertThat(LoadedModel.misfit(spec, shaped("digits8-test", 8, 10)))
                .isEqualTo("digits8-test has 8 features per step, but the model takes 28 inputs per step");
        assertThat(LoadedModel.misfit(spec, shaped("speech-test", 28, 35)))
                .isEqualTo("speech-test has 35 classes, but the model has only 10 outputs");
    }
}

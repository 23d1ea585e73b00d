package org.expanderexplorer.ui.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.data.NoiseSpec;
import org.expanderexplorer.core.data.SequenceDataset;
import org.expanderexplorer.core.data.Split;
import org.expanderexplorer.core.model.TrainingRequest;
import org.expanderexplorer.ui.task.SameThreadExecutor;
import org.junit.jupiter.api.Test;

/**
 * The training form's noise field: blank is clean data, a number is noise at that SNR seeded by the training seed,
 * and the data the request loads has that SNR (measured over the 8 x 8 digits' test split).
 */
class TrainViewModelTest {

    @Test
    void blankNoiseIsCleanData() {
        TrainViewModel vm = new TrainViewModel(new SameThreadExecutor());
        vm.noiseSnrProperty().set("  ");
        assertThat(vm.request().noise()).isNull();
        assertThat(vm.request().data().noise()).isEmpty();
    }

    @Test
    void noiseTakesTheSnrAndTheTrainingSeedAndHasThatSnr() {
        TrainViewModel vm = new TrainViewModel(new SameThreadExecutor());
        vm.dataProperty().set("digits8");
        vm.seedProperty().set(7);
        vm.noiseSnrProperty().set("10");
        TrainingRequest r = vm.request();
        assertThat(r.noise()).isEqualTo(new NoiseSpec(10, 7));

        SequenceDataset noisy = r.data().load(Split.TEST);
        SequenceDataset clean = new TrainViewModel(new SameThreadExecutor()).request().data().load(Split.TEST);
        int length = noisy.steps() * noisy.features();
        float[] n = new float[length];
        float[] c = new float[length];
        double signal = 0;
        double noise = 0;
        for (int i = 0; i < clean.size(); i++) {
            clean.copySequence(i, c, 0);
            noisy.copySequence(i, n, 0);
            for (int k = 0; k < length; k++) {
                signal += (double) c[k] * c[k];
                noise += (double) (n[k] - c[k]) * (n[k] - c[k]);
            }
        }
        // 359 sequences x 64 values: the noise power's relative standard deviation is about 0.7 %, 0.03 dB
        assertThat(10 * Math.log10(signal / noise)).isCloseTo(10, within(0.3));
    }

    @Test
    void aWordInTheSnrFieldIsRefusedWithOneLine() {
        TrainViewModel vm = new TrainViewModel(new SameThreadExecutor());
        vm.noiseSnrProperty().set("loud");
        assertThatThrownBy(vm::request).isInstanceOf(BadInputException.class).hasMessageContaining("'loud'");
        vm.noiseSnrProperty().set("500");
        assertThatThrownBy(vm::request).isInstanceOf(BadInputException.class).hasMessageContaining("500");
    }
}

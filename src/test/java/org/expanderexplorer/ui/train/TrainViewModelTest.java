package org.expanderexplorer.ui.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.data.NoiseSpec;
import org.expanderexplorer.core.data.SequenceDataset;
import org.expanderexplorer.core.data.Split;
import org.expanderexplorer.core.model.CellType;
import org.expanderexplorer.core.model.TrainingJob;
import org.expanderexplorer.core.model.TrainingRequest;
import org.expanderexplorer.ui.document.ScriptedDialogs;
import org.expanderexplorer.ui.task.SameThreadExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The training dialog's state without a toolkit: a tiny RNN on the 8 x 8 digits trains in seconds. */
class TrainViewModelTest {

    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private TrainViewModel vm;
    private final List<TrainingJob.Trained> done = new ArrayList<>();

    @BeforeEach
    void setUp() {
        vm = new TrainViewModel(new SameThreadExecutor(), dialogs);
        vm.cellProperty().set(CellType.RNN);
        vm.hiddenProperty().set(6);
        vm.epochsProperty().set(2);
        vm.dataProperty().set("digits8");
    }

    @Test
    void trainsWithTheFormsBatchSizeAndLearningRateToTheEnd() {
        vm.batchProperty().set(32);
        vm.learningRateProperty().set("1e-2");
        vm.start(done::add);
        assertThat(done).hasSize(1);
        var md = done.get(0).metadata();
        assertThat(md.batchSize()).isEqualTo(32);
        assertThat(md.learningRate()).isEqualTo(0.01);
        assertThat(md.epochs()).isEqualTo(2);
        assertThat(md.dataset()).isEqualTo("digits8");
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.progressProperty().get()).isEqualTo(1.0);
        assertThat(vm.progressTextProperty().get()).startsWith("Done: test accuracy ");
        // a 6-unit RNN learns the digits well above chance (10 %) in two epochs at this rate
        assertThat(done.get(0).eval().accuracy()).isGreaterThan(0.3);
    }

    @Test
    void cancelEndsInAUsableDialogThatSaysCancelledAndTrainsAgain() {
        List<String> texts = new ArrayList<>();
        vm.progressTextProperty().addListener((o, a, b) -> {
            texts.add(b);
            if (b.startsWith("epoch ") && !texts.contains("Cancelling...")) {
                vm.cancel(); // at the first progress shown
            }
        });
        vm.start(done::add);
        assertThat(done).isEmpty();
        assertThat(texts).contains("Cancelling...");
        assertThat(vm.progressTextProperty().get()).isEqualTo("Cancelled; the window keeps its model.");
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.progressProperty().get()).isZero();
        vm.start(done::add); // usable again: this one runs to the end
        assertThat(done).hasSize(1);
        assertThat(vm.progressTextProperty().get()).startsWith("Done");
    }

    @Test
    void closingWhileTrainingAsksAndStopsOnlyWhenConfirmed() {
        List<Boolean> answers = new ArrayList<>();
        dialogs.confirmations.add(false);
        dialogs.confirmations.add(true);
        vm.progressTextProperty().addListener((o, a, b) -> {
            // the first two progress lines shown (the end of an epoch is always shown, so there are two)
            if (b.startsWith("epoch ") && answers.size() < 2) {
                answers.add(vm.requestClose());
            }
        });
        vm.start(done::add);
        assertThat(answers).containsExactly(false, true); // declined: it went on; confirmed: it stopped
        assertThat(dialogs.asked).containsExactly("confirm: Training is running", "confirm: Training is running");
        assertThat(done).isEmpty();
        assertThat(vm.progressTextProperty().get()).startsWith("Cancelled");
        assertThat(vm.requestClose()).isTrue(); // nothing runs: closes without asking
        assertThat(dialogs.asked).hasSize(2);
    }

    /** Starts the form as it is, checks that nothing trained and nothing runs, and returns what the dialog says. */
    private String startWithoutTraining() {
        vm.start(done::add);
        assertThat(done).isEmpty();
        assertThat(vm.runningProperty().get()).isFalse();
        return vm.progressTextProperty().get();
    }

    @Test
    void aBadLearningRateIsRefusedWithoutTraining() {
        vm.learningRateProperty().set("fast");
        assertThat(startWithoutTraining()).isEqualTo("the learning rate must be a number between 0 and 10,"
                + " such as 0.001 or 1e-3; got 'fast'");
    }

    @Test
    void aFailedTrainingSaysWhyInASentence() {
        vm.dataProperty().set("cifar10:/no/such/folder");
        assertThat(startWithoutTraining()).startsWith("Failed: ").contains("/no/such/folder");
    }

    @Test
    void blankNoiseIsCleanData() {
        vm.noiseSnrProperty().set("  ");
        assertThat(vm.request().noise()).isNull();
        assertThat(vm.request().data().noise()).isEmpty();
    }

    /** The form's SNR reaches the request with the training seed, and the data it loads has that SNR. */
    @Test
    void noiseTakesTheSnrAndTheTrainingSeedAndHasThatSnr() {
        vm.seedProperty().set(7);
        vm.noiseSnrProperty().set("10");
        TrainingRequest r = vm.request();
        assertThat(r.noise()).isEqualTo(new NoiseSpec(10, 7));

        SequenceDataset noisy = r.data().load(Split.TEST);
        vm.noiseSnrProperty().set("");
        SequenceDataset clean = vm.request().data().load(Split.TEST);
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
        vm.noiseSnrProperty().set("loud");
        assertThatThrownBy(vm::request).isInstanceOf(BadInputException.class).hasMessageContaining("'loud'");
        vm.noiseSnrProperty().set("500");
        assertThatThrownBy(vm::request).isInstanceOf(BadInputException.class).hasMessageContaining("500");
    }
}

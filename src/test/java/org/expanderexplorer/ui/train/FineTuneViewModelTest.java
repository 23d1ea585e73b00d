package org.expanderexplorer.ui.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.expanderexplorer.core.data.Datasets;
import org.expanderexplorer.core.data.Split;
import org.expanderexplorer.core.model.ModelFiles;
import org.expanderexplorer.core.model.RecurrentWeights;
import org.expanderexplorer.core.model.WeightKind;
import org.expanderexplorer.core.subject.ModelSubjects;
import org.expanderexplorer.core.subject.PruneSettings;
import org.expanderexplorer.core.subject.PrunedState;
import org.expanderexplorer.core.subject.Subject;
import org.expanderexplorer.ui.document.DocumentFixtures;
import org.expanderexplorer.ui.document.MadeModel;
import org.expanderexplorer.ui.document.ScriptedDialogs;
import org.expanderexplorer.ui.task.SameThreadExecutor;
import org.junit.jupiter.api.Test;

/** Fine-tuning at a q with the masks held, on the classroom model (a 12-unit RNN on the 8 x 8 digits). */
class FineTuneViewModelTest {

    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final FineTuneViewModel vm = new FineTuneViewModel(new SameThreadExecutor(), dialogs);

    private FineTuneViewModel.Request requestAt(double q) throws Exception {
        var saved = ModelFiles.load(DocumentFixtures.DIGITS_MODEL);
        var test = Datasets.load("digits8", Split.TEST);
        Subject s = ModelSubjects.of("digits8-rnn12", saved.model(), test, 0);
        return new FineTuneViewModel.Request("digits8-rnn12", saved.model(), saved.metadata(), test, "digits8",
                s.prune(q, PruneSettings.DEFAULT));
    }

    @Test
    void accuracyComesBackAtQWhileTheMasksStayAsTheyWere() throws Exception {
        FineTuneViewModel.Request r = requestAt(20);
        vm.epochsProperty().set(5);
        vm.learningRateProperty().set("0.01");
        List<MadeModel> done = new ArrayList<>();
        vm.start(r, done::add);
        assertThat(done).hasSize(1);
        MadeModel m = done.get(0);
        double before = r.state().ihMask() == null ? 0 : accuracy(r.network(), r, r.state());
        double after = m.metadata().testAccuracy();
        assertThat(after).isGreaterThan(before + 0.05);
        assertThat(m.status()).contains(String.format(java.util.Locale.ROOT, "%.2f %% before, %.2f %% after",
                100 * before, 100 * after));
        assertThat(m.title()).isEqualTo("digits8-rnn12 fine-tuned at q = 20.0 %");
        assertThat(m.keepPercent()).isEqualTo(20);
        assertThat(m.metadata().source()).startsWith("fine-tuned 5 epoch(s) at q = 20.0 % (magnitude, scope ih,hh");
        // the masks held: exactly the kept weights are non-zero, and pruning the fine-tuned model at the same q
        // chooses the same masks again
        RecurrentWeights w = new RecurrentWeights(m.network());
        assertThat(nonZeroPattern(w.matrix(0, WeightKind.INPUT).toRowMajor())).isEqualTo(r.state().ihMask().toArray());
        assertThat(nonZeroPattern(w.matrix(0, WeightKind.RECURRENT).toRowMajor()))
                .isEqualTo(r.state().hhMask().toArray());
        PrunedState again = ModelSubjects.of("tuned", m.network(), m.test(), 0).prune(20, PruneSettings.DEFAULT);
        assertThat(again.ihMask().toArray()).isEqualTo(r.state().ihMask().toArray());
        assertThat(again.hhMask().toArray()).isEqualTo(r.state().hhMask().toArray());
        // the open model itself is untouched
        assertThat(ModelFiles.load(DocumentFixtures.DIGITS_MODEL).model().network().params())
                .isEqualTo(r.network().network().params());
    }

    private static double accuracy(org.expanderexplorer.core.model.RecurrentClassifier network,
                                   FineTuneViewModel.Request r, PrunedState state) {
        Subject s = ModelSubjects.of("x", network, r.test(), 0);
        return s.probe().accuracy(state.ihMask(), state.hhMask(), 0);
    }

    private static boolean[] nonZeroPattern(double[] values) {
        boolean[] out = new boolean[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] != 0;
        }
        return out;
    }

    @Test
    void cancelSaysCancelledAndOpensNothing() throws Exception {
        FineTuneViewModel.Request r = requestAt(30);
        List<MadeModel> done = new ArrayList<>();
        vm.progressTextProperty().addListener((o, a, b) -> {
            if (b.startsWith("epoch 1/")) {
                vm.cancel();
            }
        });
        vm.start(r, done::add);
        assertThat(done).isEmpty();
        assertThat(vm.progressTextProperty().get()).isEqualTo("Cancelled; the window keeps its model.");
        assertThat(vm.runningProperty().get()).isFalse();
    }

    @Test
    void describesWhatItWillFineTune() throws Exception {
        vm.describe(requestAt(20));
        assertThat(vm.targetProperty().get()).isEqualTo("digits8-rnn12 at q = 20.0 % (magnitude, scope ih,hh): 48 of "
                + "its 240 recurrent-layer weights are kept and stay as they are masked; training on digits8.");
    }
}

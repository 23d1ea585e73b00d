package org.expanderexplorer.ui;

import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableValue;
import org.expanderexplorer.ui.document.DocumentViewModel;
import org.expanderexplorer.ui.explorer.ExplorerViewModel;
import org.expanderexplorer.ui.train.FineTuneViewModel;
import org.expanderexplorer.ui.train.TrainViewModel;

/**
 * The status bar's state: the latest status line, and the progress of the longest task going on: opening a
 * document (of unknown length), training or fine-tuning (their fraction done), or the curves over q (and, once
 * they are done, how long they took).
 */
public final class StatusViewModel {

    private final StringBinding text;
    private final DoubleBinding progress;
    private final StringBinding task;

    public StatusViewModel(ExplorerViewModel explorer, DocumentViewModel document, TrainViewModel train,
                           FineTuneViewModel fineTune) {
        text = Bindings.createStringBinding(() -> explorer.statusProperty().get(), explorer.statusProperty());
        List<ObservableValue<?>> inputs = List.of(document.loadingProperty(), train.runningProperty(),
                train.progressProperty(), fineTune.runningProperty(), fineTune.progressProperty(),
                explorer.curveProgressProperty(), explorer.finishedCurveProperty());
        ObservableValue<?>[] deps = inputs.toArray(new ObservableValue<?>[0]);
        progress = Bindings.createDoubleBinding(() -> {
            if (document.loadingProperty().get()) {
                return -1.0; // indeterminate
            }
            if (train.runningProperty().get()) {
                return train.progressProperty().get();
            }
            if (fineTune.runningProperty().get()) {
                return fineTune.progressProperty().get();
            }
            double c = explorer.curveProgressProperty().get();
            return c < 1 ? c : 0.0;
        }, deps);
        task = Bindings.createStringBinding(() -> {
            if (document.loadingProperty().get()) {
                return "opening";
            }
            if (train.runningProperty().get()) {
                return "training";
            }
            if (fineTune.runningProperty().get()) {
                return "fine-tuning";
            }
            double c = explorer.curveProgressProperty().get();
            var done = explorer.finishedCurveProperty().get();
            return c < 1 ? String.format(Locale.ROOT, "curves over q %.0f %%", 100 * c) : done == null ? ""
                    : String.format(Locale.ROOT, "curves over q: %d points in %,d ms", done.points().size(),
                    done.millis());
        }, deps);
    }

    /** The latest status line. */
    public StringBinding textBinding() {
        return text;
    }

    /** Progress of the running task: 0 .. 1, -1 while its length is unknown, 0 when nothing runs. */
    public DoubleBinding progressBinding() {
        return progress;
    }

    /** Which task the progress belongs to ("" when none). */
    public StringBinding taskBinding() {
        return task;
    }
}

package org.expanderexplorer.ui.explorer;

import java.util.Locale;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.expanderexplorer.core.subject.Scope;
import org.expanderexplorer.core.subject.Subject;

/**
 * The left panel's state: the document's title and summary, the dense accuracy, and the slider: its position
 * (linear 0..100 or log10 0..2; the left end means q = 1 %), what q counts for the open document, and the keyboard
 * steps. The pruning settings the panel edits are the explorer's own properties ({@link #explorer()}).
 */
public final class ControlsViewModel {

    private final ExplorerViewModel explorer;
    private final StringProperty title = new SimpleStringProperty("–");
    private final StringProperty summary = new SimpleStringProperty("");
    private final BooleanProperty logScale = new SimpleBooleanProperty();
    private final BooleanProperty dataChoosable = new SimpleBooleanProperty();
    private final BooleanProperty fineTunable = new SimpleBooleanProperty();
    private final StringBinding denseAccuracy;
    private final StringBinding qText;
    private final StringBinding qCaption;
    private final BooleanBinding perGateDisabled;

    public ControlsViewModel(ExplorerViewModel explorer) {
        this.explorer = Objects.requireNonNull(explorer, "explorer");
        // the log slider and the log q axes of the charts against q are one choice
        logScale.bindBidirectional(explorer.logQProperty());
        denseAccuracy = Bindings.createStringBinding(() -> {
            Subject s = explorer.subjectProperty().get();
            Double d = explorer.denseAccuracyProperty().get();
            if (s == null || s.probe() == null) {
                return s != null && s.isLayer() ? "accuracy: choose a data set (Data set...)" : "";
            }
            // a model with zeros (pruned, or fine-tuned with masks) is not dense at q = 100
            String what = s.isLayer() && s.nonZeroPercent() < 100 ? "accuracy as opened" : "dense accuracy";
            return d == null ? what + ": measuring..." : String.format(Locale.ROOT,
                    "%s: %.2f %% (measured, %,d test sequences)", what, 100 * d, s.probe().testSize());
        }, explorer.denseAccuracyProperty(), explorer.subjectProperty());
        qText = Bindings.createStringBinding(() -> String.format(Locale.ROOT, "q = %.1f %%",
                explorer.keepPercentProperty().get()), explorer.keepPercentProperty());
        qCaption = Bindings.createStringBinding(() -> caption(explorer.subjectProperty().get(),
                explorer.scopeProperty().get()), explorer.subjectProperty(), explorer.scopeProperty());
        perGateDisabled = Bindings.createBooleanBinding(() -> explorer.subjectProperty().get() == null
                || explorer.subjectProperty().get().gates() == 1, explorer.subjectProperty());
    }

    /** What q counts for {@code s}, e.g. "of the matrix's 3,012 non-zero weights kept". */
    static String caption(Subject s, Scope scope) {
        if (s == null) {
            return "";
        }
        if (!s.isLayer()) {
            return String.format(Locale.ROOT, "q: percentage of the matrix's %,d non-zero weights kept",
                    s.inputToHidden().nonZeros());
        }
        long ih = (long) s.inputToHidden().rows() * s.inputToHidden().cols();
        long hh = (long) s.hiddenToHidden().rows() * s.hiddenToHidden().cols();
        String of = switch (scope) {
            case IH -> String.format(Locale.ROOT, "W_ih's %,d weights", ih);
            case HH -> String.format(Locale.ROOT, "W_hh's %,d weights", hh);
            case BOTH -> String.format(Locale.ROOT, "the %,d weights of W_ih and W_hh", ih + hh);
        };
        double nonZero = s.nonZeroPercent();
        String pruned = nonZero < 100 ? String.format(Locale.ROOT, " (this model holds %.1f %% of them)", nonZero)
                : "";
        return "q: percentage of " + of + " kept" + pruned;
    }

    /** q for a slider position. */
    public double toQ(double position) {
        // q = 0 would prune everything: the slider's left end means 1 %
        return logScale.get() ? Math.max(1, Math.pow(10, position)) : Math.max(1, position);
    }

    /** The slider position for q. */
    public double fromQ(double q) {
        return logScale.get() ? Math.log10(q) : q;
    }

    /** The slider's right end (100 %, or log10 100 = 2). */
    public double sliderMax() {
        return logScale.get() ? 2 : 100;
    }

    /** Moves q to the slider position. */
    public void moveTo(double position) {
        explorer.keepPercentProperty().set(toQ(position));
    }

    /** Page Up: 10 % more kept. */
    public void pageUp() {
        explorer.keepPercentProperty().set(Math.min(100, explorer.keepPercentProperty().get() + 10));
    }

    /** Page Down: 10 % fewer kept. */
    public void pageDown() {
        explorer.keepPercentProperty().set(Math.max(1, explorer.keepPercentProperty().get() - 10));
    }

    public StringProperty titleProperty() {
        return title;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    public StringBinding denseAccuracyBinding() {
        return denseAccuracy;
    }

    public StringBinding qTextBinding() {
        return qText;
    }

    /** What q counts for the open document. */
    public StringBinding qCaptionBinding() {
        return qCaption;
    }

    public BooleanBinding perGateDisabledBinding() {
        return perGateDisabled;
    }

    public BooleanProperty logScaleProperty() {
        return logScale;
    }

    /** True when a model is open, so a data set can be chosen for it. */
    public BooleanProperty dataChoosableProperty() {
        return dataChoosable;
    }

    /** True when a model with data is open, so it can be fine-tuned at q. */
    public BooleanProperty fineTunableProperty() {
        return fineTunable;
    }

    /**
     * The explorer whose settings this panel edits (method, gap, scope, per-gate pruning, q and the slider's drag):
     * they have one owner and one set of accessors, the explorer's; this ViewModel adds only the panel's own state.
     */
    public ExplorerViewModel explorer() {
        return explorer;
    }
}

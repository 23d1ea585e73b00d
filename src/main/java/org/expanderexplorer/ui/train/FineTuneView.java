package org.expanderexplorer.ui.train;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.expanderexplorer.ui.common.Widgets;
import org.expanderexplorer.ui.document.MadeModel;

/**
 * The "Fine-tune at this q" dialog: what is fine-tuned (the open model at the shown q and masks), epochs, batch
 * size, learning rate, seed, an optional training subset; then progress with Cancel. The fine-tuned model opens as
 * a new, unsaved document and the status line reports the accuracy at q before and after.
 */
public final class FineTuneView {

    private final TrainingDialog dialog;

    /**
     * @param mayReplace asked before fine-tuning starts: whether the result may replace the open document
     * @param onDone     receives the fine-tuned model; the dialog closes then
     */
    public FineTuneView(Window owner, FineTuneViewModel vm, FineTuneViewModel.Request request,
                        BooleanSupplier mayReplace, Consumer<MadeModel> onDone) {
        vm.describe(request);
        Label target = Widgets.wrapping(vm.targetProperty());
        GridPane form = Widgets.form();
        TrainingDialog.addOptimiserRows(form, 0, vm);
        dialog = new TrainingDialog(owner, "Fine-tune at this q", new VBox(10, target, form), "Fine-tune",
                "Cancel fine-tuning", vm, mayReplace, close -> vm.start(request, made -> {
                    onDone.accept(made);
                    close.run();
                }));
    }

    public void show() {
        dialog.show();
    }

    /** The dialog's window (for tests). */
    public TrainingDialog dialog() {
        return dialog;
    }
}

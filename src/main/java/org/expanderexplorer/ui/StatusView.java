package org.expanderexplorer.ui;

import javafx.scene.control.Label;
import org.controlsfx.control.StatusBar;
import org.expanderexplorer.ui.common.StyleClasses;

/** The status bar under the numbers strip: the latest status line and the progress of the task going on. */
public final class StatusView extends StatusBar {

    public StatusView(StatusViewModel vm) {
        getStyleClass().add(StyleClasses.STATUS_TEXT);
        textProperty().bind(vm.textBinding());
        progressProperty().bind(vm.progressBinding());
        Label task = new Label();
        task.textProperty().bind(vm.taskBinding());
        getRightItems().add(task);
    }
}

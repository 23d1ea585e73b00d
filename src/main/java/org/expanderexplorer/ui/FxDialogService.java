package org.expanderexplorer.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.layout.Region;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.expanderexplorer.ui.document.DataSetView;
import org.expanderexplorer.ui.document.DataSetViewModel;
import org.expanderexplorer.ui.document.DialogService;

/**
 * The window's {@link DialogService}: JavaFX file and folder choosers, alerts owned by the window, the data-set
 * chooser, and ControlsFX notifications after saves and exports.
 */
final class FxDialogService implements DialogService {

    private final Supplier<Window> owner;

    FxDialogService(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, List<FileFilter> filters) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        filters.forEach(f -> fc.getExtensionFilters().add(extensionFilter(f)));
        File f = fc.showOpenDialog(owner.get());
        return Optional.ofNullable(f).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, String initialName, FileFilter filter) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.setInitialFileName(initialName);
        fc.getExtensionFilters().add(extensionFilter(filter));
        File f = fc.showSaveDialog(owner.get());
        return Optional.ofNullable(f).map(File::toPath);
    }

    private static FileChooser.ExtensionFilter extensionFilter(FileFilter f) {
        return new FileChooser.ExtensionFilter(f.description(),
                f.extensions().stream().map(e -> e.equals("*") ? "*.*" : "*." + e).toList());
    }

    @Override
    public Optional<Path> chooseFolder(String title) {
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle(title);
        return Optional.ofNullable(dc.showDialog(owner.get())).map(File::toPath);
    }

    @Override
    public Optional<String> chooseDataSet(DataSetViewModel chooser) {
        return new DataSetView(owner.get(), chooser).showAndWait();
    }

    @Override
    public boolean confirm(String header, String message, String confirmText) {
        ButtonType yes = new ButtonType(confirmText, ButtonBar.ButtonData.OTHER);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, message, ButtonType.CANCEL, yes);
        a.setHeaderText(header);
        a.initOwner(owner.get());
        // Enter keeps what is there: the confirmed action discards or stops something
        ((Button) a.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        a.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        return a.showAndWait().filter(b -> b == yes).isPresent();
    }

    @Override
    public void showError(String header, String message) {
        Window w = owner.get();
        if (w != null && w.isShowing()) {
            Alert a = new Alert(Alert.AlertType.ERROR, message);
            a.setHeaderText(header);
            a.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
            a.initOwner(w);
            a.show();
        }
    }

    @Override
    public void notify(String message) {
        Window w = owner.get();
        if (w != null && w.isShowing()) {
            // top right: the window's bottom edge can lie below a small screen's
            Notifications.create().owner(w).position(Pos.TOP_RIGHT).title("Expander Explorer").text(message)
                    .hideAfter(Duration.seconds(5)).showInformation();
        }
    }
}

package org.expanderexplorer.ui.document;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.data.Cifar10Dataset;
import org.expanderexplorer.core.data.Datasets;
import org.expanderexplorer.core.data.DigitsDataset;
import org.expanderexplorer.core.data.MnistDatasets;

/**
 * The data-set chooser's form: the shipped sets, Fashion-MNIST where Debian installs it, the sets read from a
 * folder the user names (Fashion-MNIST, CIFAR-10, Speech Commands), and the folders named before. For the model
 * it is opened for, it says before loading anything whether a set's shape fits (features per step must equal the
 * model's inputs); the classes are checked once the data is loaded ({@code DocumentViewModel}).
 */
public final class DataSetViewModel {

    /** Log-mel coefficients per Speech Commands frame (docs/decisions/0004). */
    static final int SPEECH_FEATURES = 40;

    /**
     * One entry of the chooser.
     *
     * @param label      what the list shows
     * @param kind       the data set
     * @param spec       the complete spec, or null when the user names a folder
     * @param features   features per step
     */
    public record Option(String label, Datasets.Kind kind, String spec, int features) {
        /** True when the user must name a folder. */
        public boolean needsFolder() {
            return spec == null;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final ObservableList<Option> options = FXCollections.observableArrayList();
    private final ObjectProperty<Option> selected = new SimpleObjectProperty<>();
    private final StringProperty folder = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper model = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper reason = new ReadOnlyStringWrapper("");
    private final StringBinding spec;
    private final StringBinding problem;
    private int inputs = -1;

    public DataSetViewModel() {
        options.setAll(builtIn());
        selected.set(options.get(0));
        spec = Bindings.createStringBinding(this::specText, selected, folder);
        problem = Bindings.createStringBinding(this::problemText, selected, folder);
    }

    private static List<Option> builtIn() {
        return List.of(
                new Option("Sequential MNIST (shipped; 28 steps x 28 pixels, 10 classes)", Datasets.Kind.MNIST, "mnist",
                        MnistDatasets.SIDE),
                new Option("8 x 8 digits (shipped; 8 steps x 8 values, 10 classes)", Datasets.Kind.DIGITS8, "digits8",
                        DigitsDataset.SIDE),
                new Option("Fashion-MNIST (Debian package dataset-fashion-mnist; 28 x 28, 10 classes)",
                        Datasets.Kind.FASHION, "fashion", MnistDatasets.SIDE),
                new Option("Fashion-MNIST in a folder...", Datasets.Kind.FASHION, null, MnistDatasets.SIDE),
                new Option("CIFAR-10, binary version, in a folder... (32 rows x 96 values, 10 classes)",
                        Datasets.Kind.CIFAR10, null, Cifar10Dataset.FEATURES),
                new Option("Speech Commands in a folder... (98 frames x 40 log-mel values)", Datasets.Kind.SPEECH, null,
                        SPEECH_FEATURES));
    }

    /**
     * Sets the form up for a model.
     *
     * @param inputs  the model's inputs per step
     * @param classes the model's outputs
     * @param current the spec in use, or null; it is selected when listed
     * @param why     why the chooser is shown (e.g. "the model does not name its data set"), or null
     */
    public void prepare(int inputs, int classes, String current, String why) {
        this.inputs = inputs;
        model.set(String.format(Locale.ROOT, "The model reads %d values per time step and has %d outputs.", inputs,
                classes));
        reason.set(why == null ? "" : why);
        Option pick = options.stream().filter(o -> fits(o) && !o.needsFolder()).findFirst().orElse(options.get(0));
        for (Option o : options) {
            if (current != null && current.equals(o.spec())) {
                pick = o;
            }
        }
        selected.set(pick);
        folder.set("");
    }

    /** Adds a spec naming a folder to the list (most recent first), once it has been used successfully. */
    public void remember(String usedSpec) {
        Datasets.Spec parsed = Datasets.parse(usedSpec);
        if (parsed.dir().isEmpty()) {
            return;
        }
        String text = parsed.toString();
        options.removeIf(o -> text.equals(o.spec()));
        Option template = options.stream().filter(o -> o.kind() == parsed.kind()).findFirst().orElseThrow();
        options.add(builtIn().size(), new Option(text, parsed.kind(), text, template.features()));
    }

    private boolean fits(Option o) {
        return inputs < 0 || o.features() == inputs;
    }

    private String specText() {
        Option o = selected.get();
        if (o == null) {
            return "";
        }
        return o.needsFolder() ? o.kind().id() + ":" + folder.get().strip() : o.spec();
    }

    private String problemText() {
        Option o = selected.get();
        if (o == null) {
            return "Choose a data set.";
        }
        if (!fits(o)) {
            return String.format(Locale.ROOT, "This data set has %d values per time step; the model reads %d, so it "
                    + "cannot measure this model.", o.features(), inputs);
        }
        if (o.needsFolder()) {
            String f = folder.get().strip();
            if (f.isEmpty()) {
                return "Name the folder that holds the data.";
            }
            try {
                if (!Files.isDirectory(Path.of(f))) {
                    return "There is no folder " + f + ".";
                }
            } catch (InvalidPathException e) {
                return "'" + f + "' is not a folder name.";
            }
        }
        try {
            Datasets.parse(specText());
        } catch (BadInputException e) {
            return e.getMessage();
        }
        return "";
    }

    public ObservableList<Option> options() {
        return options;
    }

    public ObjectProperty<Option> selectedProperty() {
        return selected;
    }

    /** The folder of a set read from disk. */
    public StringProperty folderProperty() {
        return folder;
    }

    /** The spec the form describes ({@code mnist}, {@code cifar10:DIR}, ...). */
    public StringBinding specBinding() {
        return spec;
    }

    /** Why the form cannot be accepted as it is, or "" when it can. */
    public StringBinding problemBinding() {
        return problem;
    }

    /** What the model needs, e.g. "The model reads 28 values per time step and has 10 outputs." */
    public ReadOnlyStringProperty modelProperty() {
        return model.getReadOnlyProperty();
    }

    /** Why the chooser is shown, or "". */
    public ReadOnlyStringProperty reasonProperty() {
        return reason.getReadOnlyProperty();
    }

    /** Selects the option whose spec or kind matches {@code specText} and fills the folder (e.g. from a test). */
    public void select(String specText) {
        Datasets.Spec parsed = Datasets.parse(specText);
        for (Option o : options) {
            if (parsed.toString().equals(o.spec())
                    || o.needsFolder() && o.kind() == parsed.kind() && parsed.dir().isPresent()) {
                selected.set(o);
                folder.set(parsed.dir().map(Path::toString).orElse(""));
                return;
            }
        }
        throw new BadInputException("no chooser entry for data set " + specText);
    }
}

package org.expanderexplorer.core.subject;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.data.Datasets;
import org.expanderexplorer.core.data.SequenceDataset;
import org.expanderexplorer.core.data.Split;
import org.expanderexplorer.core.model.ModelFiles;
import org.expanderexplorer.core.model.ModelSpec;
import org.expanderexplorer.core.model.SavedModel;
import org.expanderexplorer.core.model.VectorInference;

/**
 * A model file opened for exploration: the model, its held-out data (named by its metadata, or given), and the
 * {@link Subject} of its first recurrent layer.
 *
 * @param saved   the model and its metadata
 * @param test    the test split of its data set, or null when unknown or unavailable
 * @param subject what the explorer prunes
 * @param note    why there is no test data (null when there is)
 */
public record LoadedModel(SavedModel saved, SequenceDataset test, Subject subject, String note) {

    public LoadedModel {
        Objects.requireNonNull(saved, "saved");
        Objects.requireNonNull(subject, "subject");
    }

    /** Endings of the model file names {@link #read} takes (lower case), for file dialogs and dispatch by name. */
    // .pth is PyTorch's other customary ending for torch.save files; the content, not the ending, picks the reader
    public static final List<String> MODEL_EXTENSIONS = List.of(".zip", ".npz", ".pt", ".pth", ".safetensors",
            ".onnx", ".h5", ".hdf5");

    /** The command line's description of a model file option. */
    public static final String FILE_HELP = "Model file (.zip, .pt, .pth, .npz, .safetensors, .onnx or Keras .h5).";

    /** Whether {@code fileName} ends like a model file (case-insensitive). */
    public static boolean isModelName(String fileName) {
        // ROOT, so that "MODEL.ZIP" matches in every locale (a Turkish one lower-cases 'I' differently)
        String lower = fileName.toLowerCase(Locale.ROOT);
        return MODEL_EXTENSIONS.stream().anyMatch(lower::endsWith);
    }

    /**
     * Reads a model file: a Deeplearning4j zip, or a PyTorch state_dict as {@code .pt}/{@code .pth} (torch.save),
     * NPZ or safetensors under any key names, an ONNX RNN/LSTM graph, or a Keras {@code .h5} Sequential model
     * (told apart by content; see
     * {@link ModelFiles#loadAny}). This is the one door through
     * which the command line and the window reach the model loaders, so that both refuse the same files with the
     * same one-line messages.
     *
     * @throws BadInputException naming the file for anything that is not a readable, supported model (a read error
     *                           of the file system included)
     */
    public static SavedModel read(Path file) {
        try {
            return ModelFiles.loadAny(file);
        } catch (IOException e) {
            throw BadInputException.cannotRead(file, e);
        }
    }

    /**
     * Opens a model (Deeplearning4j zip or PyTorch NPZ) and its test data, as the window does: a data set that
     * cannot be loaded is not an error but a note (the graphs can be explored without accuracy).
     *
     * @param file     the model file
     * @param dataSpec data set spec ({@code mnist}, {@code digits8}, {@code cifar10:DIR}, ...), or null to use
     *                 the one recorded in the model's metadata
     * @param name     shown name (e.g. the file name)
     */
    public static LoadedModel open(Path file, String dataSpec, String name) {
        return open(file, dataSpec, name, 0);
    }

    /**
     * As {@link #open(Path, String, String)}, exploring recurrent layer {@code layer} (0-based) of a stacked model.
     *
     * @throws BadInputException if the model has no such layer
     */
    public static LoadedModel open(Path file, String dataSpec, String name, int layer) {
        VectorInference.warmUpInBackground(); // compiles the inference kernels while the model loads
        SavedModel saved = read(file);
        // a data set named by the user wins over the one the file's metadata records
        String spec = dataSpec != null ? dataSpec : saved.metadata() == null ? null : saved.metadata().dataset();
        SequenceDataset test = null;
        String note = null;
        if (spec == null) {
            note = "the model does not name its data set: accuracy is not shown";
        } else {
            try {
                // the test split only: live accuracy must be measured on data the model was not trained on
                test = Datasets.load(spec, Split.TEST);
            } catch (BadInputException e) {
                note = e.getMessage();
            }
        }
        return of(file, saved, test, name, layer, note);
    }

    /**
     * The same model and data exploring another recurrent layer (0-based), for a layer chooser: nothing is read
     * again.
     *
     * @throws BadInputException if the model has no such layer
     */
    public LoadedModel withLayer(int layer) {
        return of(saved.file(), saved, test, subject.name(), layer, note);
    }

    /** How many recurrent layers the model has (a chooser offers 0 .. layers-1). */
    public int layers() {
        return saved.model().spec().layers();
    }

    /**
     * A model read by {@link #read} with test data the caller chose (the command line, where a data set that does
     * not fit is an error, not a note).
     *
     * @param file  the model file, named in messages
     * @param test  the test split, or null for no accuracy
     * @param name  shown name
     * @param layer the recurrent layer to explore (0-based)
     * @throws BadInputException if the data's features per step differ from the model's inputs, or the layer does
     *                           not exist
     */
    public static LoadedModel of(Path file, SavedModel saved, SequenceDataset test, String name, int layer) {
        return of(file, saved, test, name, layer, null);
    }

    private static LoadedModel of(Path file, SavedModel saved, SequenceDataset test, String name, int layer,
                                  String note) {
        // Checked here, once for both front ends: a data set of another width would fail deep inside Deeplearning4j
        // with a shape error that names neither the file nor the data set.
        if (test != null && (test.features() != saved.model().spec().inputs())) {
            throw BadInputException.inFile(file, "the model takes " + saved.model().spec().inputs()
                    + " inputs per step but " + test.name() + " has " + test.features() + " features per step");
        }
        return new LoadedModel(saved, test, ModelSubjects.of(name, saved.model(), test, layer), note);
    }

    /**
     * The same model measured on other held-out data (e.g. a data set chosen for a model whose file names none).
     *
     * @param data the test split to measure accuracy on
     * @param name shown name of the subject
     * @throws BadInputException when the data does not fit the model (its message says how)
     */
    public LoadedModel withTest(SequenceDataset data, String name) {
        Objects.requireNonNull(data, "data");
        String misfit = misfit(saved.model().spec(), data);
        if (misfit != null) {
            throw new BadInputException(misfit);
        }
        return new LoadedModel(saved, data, ModelSubjects.of(name, saved.model(), data, 0), null);
    }

    /**
     * Why {@code data} cannot measure a model of {@code spec}, or null when it can: the features per step must
     * equal the model's inputs, and every class of the data must have an output.
     */
    public static String misfit(ModelSpec spec, SequenceDataset data) {
        if (data.features() != spec.inputs()) {
            return data.name() + " has " + data.features() + " features per step, but the model takes "
                    + spec.inputs() + " inputs per step";
        }
        // fewer data classes than outputs is fine (a model may have spare outputs); more would leave labels no output
        // could ever predict, so the accuracy would be capped without saying why
        if (data.classes() > spec.classes()) {
            return data.name() + " has " + data.classes() + " classes, but the model has only " + spec.classes()
                    + " outputs";
        }
        return null;
    }
}

package org.expanderexplorer.ui.explorer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.graph.MatrixFiles;
import org.expanderexplorer.core.graph.WeightMatrix;
import org.expanderexplorer.core.model.ModelMetadata;
import org.expanderexplorer.core.subject.LoadedModel;
import org.expanderexplorer.core.subject.Subject;

/**
 * A file opened in the window: a model (zip or NPZ) with its data, or a plain matrix (.csv, .mtx), with the text
 * the model panel shows. Opening runs in the background; a failure leaves the window's state unchanged.
 *
 * @param subject what the explorer prunes
 * @param title   short name
 * @param summary lines for the model panel
 * @param file    where it came from (null for a built-in sample)
 * @param model   the loaded model, or null for a matrix
 */
public record OpenedDocument(Subject subject, String title, String summary, Path file, LoadedModel model) {

    /** The sample model opened at start-up. */
    public static final String DEFAULT_SAMPLE = "smnist-lstm128.zip";

    /** Opens {@code file} by its extension. */
    public static OpenedDocument open(Path file) {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".csv") || lower.endsWith(".mtx")) {
            WeightMatrix m = MatrixFiles.read(file);
            return new OpenedDocument(Subject.ofMatrix(name, m), name, m.rows() + " x " + m.cols() + " matrix, "
                    + String.format(Locale.ROOT, "%,d", m.nonZeros()) + " non-zero entries\nrows = left vertices, "
                    + "columns = right vertices", file, null);
        }
        if (LoadedModel.isModelName(name)) {
            LoadedModel lm = LoadedModel.open(file, null, name);
            return new OpenedDocument(lm.subject(), name, summaryOf(lm), file, lm);
        }
        throw BadInputException.inFile(file, "unknown file type: open a model ("
                + String.join(", ", LoadedModel.MODEL_EXTENSIONS) + "), a matrix (.csv, .mtx) or a session (.json)");
    }

    /** Opens a sample model shipped inside the application. */
    public static OpenedDocument openSample(String name) {
        try (InputStream in = OpenedDocument.class.getResourceAsStream("/sample-models/" + name)) {
            if (in == null) {
                throw new BadInputException("sample model " + name + " is not part of this build");
            }
            Path tmp = Files.createTempFile("expander-explorer-sample-", "-" + name);
            tmp.toFile().deleteOnExit();
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            LoadedModel lm = LoadedModel.open(tmp, null, name.replace(".zip", ""));
            return new OpenedDocument(lm.subject(), name.replace(".zip", ""), summaryOf(lm), null, lm);
        } catch (IOException e) {
            throw new BadInputException("cannot read sample model " + name + ": " + e.getMessage(), e);
        }
    }

    /** The model panel's text for a loaded model. */
    public static String summaryOf(LoadedModel lm) {
        var spec = lm.saved().model().spec();
        StringBuilder sb = new StringBuilder(spec.describe());
        sb.append(String.format(Locale.ROOT, "%n%,d parameters", spec.parameterCount()));
        ModelMetadata md = lm.saved().metadata();
        if (md != null && md.testAccuracy() != null) {
            sb.append(String.format(Locale.ROOT, "%ntrained accuracy %.2f %%", 100 * md.testAccuracy()));
        }
        if (lm.test() != null) {
            sb.append(String.format(Locale.ROOT, "%ndata: %s (%,d sequences of %d x %d)", lm.test().name(),
                    lm.test().size(), lm.test().steps(), lm.test().features()));
        } else if (lm.note() != null) {
            sb.append("\n").append(lm.note());
        }
        return sb.toString();
    }
}

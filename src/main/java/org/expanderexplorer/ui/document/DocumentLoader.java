package org.expanderexplorer.ui.document;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.data.Datasets;
import org.expanderexplorer.core.data.SequenceDataset;
import org.expanderexplorer.core.data.Split;
import org.expanderexplorer.core.graph.MatrixFiles;
import org.expanderexplorer.core.graph.WeightMatrix;
import org.expanderexplorer.core.model.ModelMetadata;
import org.expanderexplorer.core.pruning.Pruner;
import org.expanderexplorer.core.pruning.PruningMethod;
import org.expanderexplorer.core.subject.GraphId;
import org.expanderexplorer.core.subject.LoadedModel;
import org.expanderexplorer.core.subject.ModelSubjects;
import org.expanderexplorer.core.subject.Scope;
import org.expanderexplorer.core.subject.Subject;
import org.expanderexplorer.ui.explorer.ExplorerSettings;
import org.expanderexplorer.ui.session.Session;

/**
 * Reads documents: every function runs in the background, touches no window state, and either returns a complete
 * document or throws (a {@link BadInputException} naming the file and the problem for anything the user can fix).
 */
public final class DocumentLoader {

    /**
     * A document read and how to show it.
     *
     * @param document    the document
     * @param settings    explorer settings to apply (a session's), or null to keep the current ones
     * @param keepPercent where the slider goes
     * @param status      the status line once it is shown
     */
    record Loaded(OpenedDocument document, ExplorerSettings settings, double keepPercent, String status) {
        static Loaded of(OpenedDocument d) {
            return new Loaded(d, null, d.initialKeepPercent(), "Opened " + d.title() + ".");
        }
    }

    private DocumentLoader() {
    }

    /** Opens a model (.zip, .npz), a matrix (.csv, .mtx) or a session (.json) by its extension. */
    static Loaded open(Path file) {
        String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (lower.endsWith(".json")) {
            return openSession(file);
        }
        return Loaded.of(openFile(file, null));
    }

    /** Opens a model or a matrix file; a model is measured on {@code dataSpec} (or the data its file names). */
    static OpenedDocument openFile(Path file, String dataSpec) {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        String source = file.toAbsolutePath().toString();
        if (lower.endsWith(".csv") || lower.endsWith(".mtx")) {
            WeightMatrix m = MatrixFiles.read(file);
            long dense = (long) m.rows() * m.cols();
            String summary = String.format(Locale.ROOT, "%d x %d matrix, %,d non-zero entries (%.1f %% dense)%n"
                    + "rows = left vertices, columns = right vertices%nq counts its non-zero entries", m.rows(),
                    m.cols(), m.nonZeros(), dense == 0 ? 0.0 : 100.0 * m.nonZeros() / dense);
            return new OpenedDocument(Subject.ofMatrix(name, m), name, summary, file, source, null, 100, false);
        }
        if (LoadedModel.isModelName(name)) {
            return ofModel(LoadedModel.open(file, dataSpec, name), dataSpec, name, file, source);
        }
        throw BadInputException.inFile(file, "unknown file type: open a model ("
                + String.join(", ", LoadedModel.MODEL_EXTENSIONS) + "), a matrix (.csv, .mtx) or a session (.json)");
    }

    /**
     * Opens a sample model shipped inside the application with the data set its file names (in the background: it
     * reads the model and its data).
     */
    public static OpenedDocument openSample(String name) {
        return openSample(name, null);
    }

    /** Opens a sample model shipped inside the application ({@code smnist-lstm128.zip}, ...). */
    static OpenedDocument openSample(String name, String dataSpec) {
        String file = name.endsWith(".zip") ? name : name + ".zip";
        String title = file.substring(0, file.length() - 4);
        try (InputStream in = DocumentLoader.class.getResourceAsStream("/sample-models/" + file)) {
            if (in == null) {
                throw new BadInputException("sample model " + file + " is not part of this build");
            }
            Path tmp = Files.createTempFile("expander-explorer-sample-", "-" + file);
            tmp.toFile().deleteOnExit();
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            return ofModel(LoadedModel.open(tmp, dataSpec, title), dataSpec, title, null, "sample:" + file);
        } catch (IOException e) {
            throw new BadInputException("cannot read sample model " + file + ": " + e.getMessage(), e);
        }
    }

    private static OpenedDocument ofModel(LoadedModel lm, String dataSpec, String title, Path file, String source) {
        ModelMetadata md = lm.saved().metadata();
        if (lm.test() != null) {
            String misfit = LoadedModel.misfit(lm.saved().model().spec(), lm.test());
            if (misfit != null) {
                throw BadInputException.inFile(file != null ? file : Path.of(title), misfit);
            }
        }
        String spec = lm.test() == null ? null : dataSpec != null ? dataSpec : md.dataset();
        OpenedDocument.Model model = new OpenedDocument.Model(lm.saved().model(), md, lm.test(), spec, lm.note(),
                lm.saved().layout());
        return new OpenedDocument(lm.subject(), title, summary(model), file, source, model, keptPercent(lm.subject()),
                false);
    }

    /**
     * Opens a session: checks the file, opens what it names with its data set, and checks that the model has the
     * graph it selects, before anything is shown.
     */
    static Loaded openSession(Path file) {
        Session s = Session.load(file);
        if (s.dataSet() != null) {
            try {
                Datasets.parse(s.dataSet());
            } catch (BadInputException e) {
                throw BadInputException.inFile(file, e.getMessage());
            }
        }
        String src = s.source();
        OpenedDocument d = src.startsWith("sample:") ? openSample(src.substring(7), s.dataSet())
                : openFile(Path.of(src), s.dataSet());
        GraphId graph = GraphId.parse(s.graph());
        if (!d.subject().graphs().contains(graph)) {
            throw BadInputException.inFile(file, "names graph " + s.graph() + ", which " + d.title() + " lacks");
        }
        ExplorerSettings settings = new ExplorerSettings(PruningMethod.parse(s.method()), Scope.valueOf(s.scope()),
                s.perGate(), graph, s.weighted(), s.window(), s.seed());
        return new Loaded(d, settings, s.keepPercent(), "Opened session " + file + ".");
    }

    /** The same model measured on another data set, after checking that the data fits it. */
    static OpenedDocument withData(OpenedDocument d, String dataSpec) {
        if (!d.isModel()) {
            throw new BadInputException("a plain matrix has no network to measure: open a model to choose data");
        }
        SequenceDataset test = Datasets.load(dataSpec, Split.TEST);
        String misfit = LoadedModel.misfit(d.model().network().spec(), test);
        if (misfit != null) {
            throw new BadInputException("data set " + dataSpec + " does not fit " + d.title() + ": " + misfit);
        }
        String spec = Datasets.parse(dataSpec).toString();
        OpenedDocument.Model model = new OpenedDocument.Model(d.model().network(), d.model().metadata(), test, spec,
                null, d.model().layout());
        Subject subject = ModelSubjects.of(d.subject().name(), model.network(), test, 0);
        return new OpenedDocument(subject, d.title(), summary(model), d.file(), d.source(), model,
                d.initialKeepPercent(), d.unsaved());
    }

    /** A model made in the window, as an unsaved document. */
    static OpenedDocument made(MadeModel m) {
        OpenedDocument.Model model = new OpenedDocument.Model(m.network(), m.metadata(), m.test(), m.dataSpec(),
                m.test() == null ? "no test data" : null, null);
        Subject subject = ModelSubjects.of(m.title(), m.network(), m.test(), 0);
        return new OpenedDocument(subject, m.title(), summary(model), null, null, model, m.keepPercent(), true);
    }

    /** The model panel's text. */
    static String summary(OpenedDocument.Model m) {
        var spec = m.network().spec();
        StringBuilder sb = new StringBuilder(spec.describe());
        sb.append(String.format(Locale.ROOT, "%n%,d parameters", spec.parameterCount()));
        ModelMetadata md = m.metadata();
        if (md.testAccuracy() != null) {
            sb.append(String.format(Locale.ROOT, "%ntrained accuracy %.2f %%", 100 * md.testAccuracy()));
        }
        if (m.test() != null) {
            sb.append(String.format(Locale.ROOT, "%ndata: %s (%,d sequences of %d x %d)", m.test().name(),
                    m.test().size(), m.test().steps(), m.test().features()));
        } else if (m.note() != null) {
            sb.append("\n").append(m.note());
        }
        return sb.toString();
    }

    /**
     * Where the slider starts for a model: 100, or for a model that already has zeros (a pruned model exported
     * before) a percentage at which magnitude pruning keeps exactly each matrix's non-zero weights, so that the
     * slider shows what the file holds, numbers and accuracy included ({@link Pruner#percentKeeping}); when no
     * percentage does (matrices pruned to different percentages), the share of non-zero weights to 0.1.
     */
    static double keptPercent(Subject s) {
        if (!s.isLayer()) {
            return 100;
        }
        double kept = s.nonZeroPercent();
        if (kept >= 100) {
            return 100;
        }
        WeightMatrix ih = s.inputToHidden();
        WeightMatrix hh = s.hiddenToHidden();
        double exact = hh == null
                ? Pruner.percentKeeping(new long[] {size(ih)}, new long[] {ih.nonZeros()})
                : Pruner.percentKeeping(new long[] {size(ih), size(hh)}, new long[] {ih.nonZeros(), hh.nonZeros()});
        return !Double.isNaN(exact) && exact >= 1 ? exact : Math.max(1, Math.round(10 * kept) / 10.0);
    }

    private static long size(WeightMatrix m) {
        return (long) m.rows() * m.cols();
    }
}

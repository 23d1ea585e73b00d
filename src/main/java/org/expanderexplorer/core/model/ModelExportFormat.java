package org.expanderexplorer.core.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.expanderexplorer.core.BadInputException;

/**
 * The formats a model is written in, chosen by the file's extension: a Deeplearning4j zip ({@code .zip}), or the
 * weights as a PyTorch state_dict ({@code .pt}/{@code .pth}, {@code .npz}, {@code .safetensors}) under the keys, order,
 * element types and biases of the file the model came from ({@link StateDictLayout}), so that
 * {@code model.load_state_dict(torch.load(f), strict=True)} works on the user's own module, or an ONNX graph
 * ({@code .onnx}, {@link OnnxModels#write}). State_dict formats carry no masks: a pruned export writes them beside the
 * model ({@link #masksFile}).
 */
public enum ModelExportFormat {
    /** Deeplearning4j {@code ModelSerializer} zip with metadata ({@link ModelFiles}). */
    DL4J_ZIP(".zip"),
    /** NumPy NPZ of the state_dict. */
    NPZ(".npz"),
    /** {@code torch.save} of the state_dict ({@link TorchFiles}). */
    PYTORCH(".pt", ".pth"),
    /** safetensors ({@link SafetensorsFiles}). */
    SAFETENSORS(".safetensors"),
    /** ONNX graph ({@link OnnxModels}). */
    ONNX(".onnx");

    private final String[] extensions;

    ModelExportFormat(String... extensions) {
        this.extensions = extensions;
    }

    /** The names a user can choose from, for messages: {@code .zip, .npz, .pt, .pth, .safetensors, .onnx}. */
    public static String choices() {
        StringBuilder b = new StringBuilder();
        for (ModelExportFormat f : values()) {
            for (String e : f.extensions) {
                b.append(b.length() == 0 ? "" : ", ").append(e);
            }
        }
        return b.toString();
    }

    /**
     * The format of {@code file} by its extension (case-insensitive).
     *
     * @throws BadInputException naming the file and the supported extensions
     */
    public static ModelExportFormat of(Path file) {
        Objects.requireNonNull(file, "file");
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        for (ModelExportFormat f : values()) {
            for (String e : f.extensions) {
                if (name.endsWith(e) && name.length() > e.length()) {
                    return f;
                }
            }
        }
        throw BadInputException.inFile(file, "has no model extension: give a name ending in " + choices());
    }

    /** Whether {@code file}'s name ends in one of the model extensions (case-insensitive). */
    public static boolean hasExtension(Path file) {
        try {
            of(file);
            return true;
        } catch (BadInputException e) {
            return false;
        }
    }

    /** Whether the format holds only weights, so that masks go to a separate file. */
    public boolean weightsOnly() {
        return this != DL4J_ZIP;
    }

    /**
     * Where the masks of a pruned export in {@code file} go: {@code NAME.masks.safetensors} beside a safetensors
     * model, {@code NAME.masks.npz} beside the others, null for a Deeplearning4j zip (its pruned weights are zero and
     * it has no place for masks).
     */
    public Path masksFile(Path file) {
        if (!weightsOnly()) {
            return null;
        }
        String name = file.getFileName().toString();
        String stem = name.substring(0, name.lastIndexOf('.'));
        return file.resolveSibling(stem + (this == SAFETENSORS ? ".masks.safetensors" : ".masks.npz"));
    }

    /**
     * Writes {@code model} in this format (atomically).
     *
     * @param layout   keys, order, types and biases for the state_dict formats and ONNX names
     * @param metadata stored in a Deeplearning4j zip (the other formats have no place for it)
     */
    public void write(Path file, RecurrentClassifier model, StateDictLayout layout, ModelMetadata metadata)
            throws IOException {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(layout, "layout");
        switch (this) {
            case DL4J_ZIP -> ModelFiles.save(model, Objects.requireNonNull(metadata, "metadata"), file);
            case NPZ -> NpzFiles.write(file, StateDictModel.stateDict(model, layout));
            case PYTORCH -> TorchFiles.write(file, StateDictModel.stateDict(model, layout));
            case SAFETENSORS -> SafetensorsFiles.write(file, StateDictModel.stateDict(model, layout));
            case ONNX -> OnnxModels.write(file, model, layout);
            default -> throw new IllegalStateException(name());
        }
    }

    /** Writes masks (or any arrays) as safetensors or as NPZ (atomically). */
    public static void writeArrays(Path file, Map<String, NpyArray> arrays, boolean safetensors) throws IOException {
        if (safetensors) {
            SafetensorsFiles.write(file, arrays);
        } else {
            NpzFiles.write(file, arrays);
        }
    }
}

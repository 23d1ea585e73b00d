package org.expanderexplorer.core.model;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A classifier read from a file with its metadata.
 *
 * @param model    the network
 * @param metadata what it is and how it was trained (architecture only, if the file had no metadata)
 * @param file     where it was read from
 * @param format   the file format
 * @param layout   the keys, types and biases of the state_dict it was read from, or null for a Deeplearning4j zip
 *                 (an export then uses {@link StateDictLayout#standard})
 */
public record SavedModel(RecurrentClassifier model, ModelMetadata metadata, Path file, Format format,
                         StateDictLayout layout) {

    /** File formats a model can come from. */
    public enum Format {
        /** Deeplearning4j {@code ModelSerializer} zip with a metadata entry. */
        DL4J_ZIP("Deeplearning4j zip"),
        /** PyTorch {@code state_dict} as NPZ ({@link PyTorchNpz}). */
        PYTORCH_NPZ("PyTorch NPZ"),
        /** PyTorch {@code state_dict} saved by {@code torch.save} ({@link TorchFiles}). */
        PYTORCH_PT("PyTorch state_dict (.pt)"),
        /** A state_dict as safetensors ({@link SafetensorsFiles}). */
        SAFETENSORS("safetensors"),
        /** An ONNX graph with an RNN or LSTM node and a linear head ({@link OnnxModels}). */
        ONNX("ONNX"),
        /** A Keras Sequential model saved by {@code model.save("m.h5")} ({@link KerasFiles}). */
        KERAS_H5("Keras .h5");

        private final String label;

        Format(String label) {
            this.label = label;
        }

        /** How the format is named to users, e.g. {@code PyTorch NPZ}. */
        public String label() {
            return label;
        }
    }

    /** A model without a state_dict layout (a Deeplearning4j zip). */
    public SavedModel(RecurrentClassifier model, ModelMetadata metadata, Path file, Format format) {
        this(model, metadata, file, format, null);
    }

    /** The layout an export writes: the one read, or {@link StateDictLayout#standard} for a zip. */
    public StateDictLayout exportLayout() {
        return layout != null ? layout : StateDictLayout.standard(model.spec());
    }

    public SavedModel {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(format, "format");
    }
}

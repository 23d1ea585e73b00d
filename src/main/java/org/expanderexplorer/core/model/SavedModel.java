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
 */
public record SavedModel(RecurrentClassifier model, ModelMetadata metadata, Path file, Format format) {

    /** File formats a model can come from. */
    public enum Format {
        /** Deeplearning4j {@code ModelSerializer} zip with a metadata entry. */
        DL4J_ZIP,
        /** PyTorch {@code state_dict} as NPZ ({@link PyTorchNpz}). */
        PYTORCH_NPZ
    }

    public SavedModel {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(format, "format");
    }
}

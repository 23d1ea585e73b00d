/**
 * Data sets as labelled fixed-length sequences ({@link org.expanderexplorer.core.data.SequenceDataset}) and the
 * readers of their file formats.
 *
 * <p>Entry point: {@link org.expanderexplorer.core.data.Datasets#load(String, Split)} with a spec
 * {@code mnist | fashion[:DIR] | digits8 | cifar10:DIR | speech:DIR}. Sequential MNIST (28 x 28) and the 8 x 8
 * digits are shipped as resources; Fashion-MNIST comes from the Debian package {@code dataset-fashion-mnist} or a
 * folder; CIFAR-10 (32 x 96) and Speech Commands (98 x 40 log-mel) from folders the user names.
 * {@link org.expanderexplorer.core.data.SequenceDatasets} makes seeded subsets and stratified splits.
 * Malformed or missing files give a {@link org.expanderexplorer.core.BadInputException} naming the file.
 */
package org.expanderexplorer.core.data;

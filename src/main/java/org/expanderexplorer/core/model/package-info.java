/**
 * Recurrent models (Deeplearning4j): build, train, load, save, evaluate, and weight interchange.
 *
 * <p>Everything Deeplearning4j- and ND4J-specific stays in here: the rest of core sees a model as weight matrices
 * ({@link org.expanderexplorer.core.model.RecurrentWeights}) and a classifier to evaluate, so that the graph and
 * spectral code can analyse a matrix file exactly as it analyses a network. Loading checks a file's structure
 * before Deeplearning4j reads it (a corrupt header can crash the native side); the front ends load models only
 * through {@link org.expanderexplorer.core.subject.LoadedModel}. Uses {@code data}, {@code graph} and {@code io}.
 *
 * <p>Inference runs in the vector-API kernels of {@code VectorKernels}
 * ({@link org.expanderexplorer.core.model.CompiledNetwork}) when the JVM has the module, through Deeplearning4j and
 * libnd4j otherwise (decisions 0011, 0024, 0025).
 */
package org.expanderexplorer.core.model;

/**
 * Recurrent models (Deeplearning4j): build, train, load, save, evaluate, and weight interchange. Inference runs in
 * the vector-API kernels of {@code VectorKernels} ({@link org.expanderexplorer.core.model.CompiledNetwork}) when the
 * JVM has the module, through Deeplearning4j and libnd4j otherwise (decisions 0011, 0024, 0025).
 */
package org.expanderexplorer.core.model;

/**
 * Recurrent models (Deeplearning4j): build, train, load, save, evaluate, and weight interchange.
 */
package org.expanderexplorer.core.model;

/**
 * Spectra of layer graphs: singular values, the Ramanujan gaps Delta_S and Delta_R, the Laplacian's Fiedler value, Cheeger bounds, sweep cuts and exact Cheeger constants.
 */
package org.expanderexplorer.core.spectral;

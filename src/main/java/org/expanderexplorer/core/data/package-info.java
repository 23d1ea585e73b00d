/**
 * Data sets as sequences (sequential MNIST, Fashion-MNIST, 8 x 8 digits, CIFAR-10, Speech Commands) and their file-format readers.
 */
package org.expanderexplorer.core.data;

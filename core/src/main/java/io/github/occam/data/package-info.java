/**
 * Data sets for training and evaluation: row-major float features with integer class labels.
 *
 * <pre>{@code
 * Dataset data = new Dataset(features, labels, 784, 10);
 * }</pre>
 */
package io.github.occam.data;

/**
 * Labelled data sets and the IDX file format of MNIST and Fashion-MNIST.
 *
 * <p>{@link io.github.occam.data.Dataset} holds N examples as one row-major {@code float} array
 * and their class labels; {@link io.github.occam.data.Idx} reads IDX files (raw or gzip) with
 * their header, dimensions and length checked; {@link io.github.occam.data.MnistData} reads the
 * standard MNIST file names into a training and a test set.
 *
 * <pre>{@code
 * MnistData mnist = MnistData.load(Path.of("/usr/share/datasets/fashion-mnist"));
 * Dataset train = mnist.train().head(1000);
 * double[][] x = train.featuresAsDouble();
 * }</pre>
 */
package io.github.occam.data;

package io.github.occam.data;

import io.github.occam.internal.Checks;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The MNIST training and test sets (or any data set in the same files, such as Fashion-MNIST),
 * with pixels scaled from 0-255 to [0, 1] by dividing by 255.
 *
 * <p>{@link #load(Path)} reads the four standard file names from a directory, each either raw or
 * with a {@code .gz} suffix (the raw file is preferred when both exist):
 * {@code train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte},
 * {@code t10k-images-idx3-ubyte} and {@code t10k-labels-idx1-ubyte}. Images must be rank-3 IDX
 * files of unsigned bytes (magic {@code 0x00000803}), labels rank-1 (magic {@code 0x00000801}),
 * the two counts equal and every label in {@code [0, 10)}; anything else is a
 * {@link CorruptDataException} naming the file.
 *
 * <pre>{@code
 * MnistData fashion = MnistData.load(Path.of("/usr/share/datasets/fashion-mnist"));
 * Dataset train = fashion.train();                 // 60000 x 784, 10 classes
 * try (InputStream images = MyApp.class.getResourceAsStream("/images-idx3-ubyte.gz");
 *      InputStream labels = MyApp.class.getResourceAsStream("/labels-idx1-ubyte.gz")) {
 *     Dataset digits = MnistData.fromStreams(images, labels);
 * }
 * }</pre>
 *
 * @param train the training set
 * @param test the test set
 */
public record MnistData(Dataset train, Dataset test) {

    /** The number of classes of MNIST and Fashion-MNIST. */
    public static final int CLASS_COUNT = 10;

    /** Standard file name of the training images. */
    public static final String TRAIN_IMAGES = "train-images-idx3-ubyte";

    /** Standard file name of the training labels. */
    public static final String TRAIN_LABELS = "train-labels-idx1-ubyte";

    /** Standard file name of the test images. */
    public static final String TEST_IMAGES = "t10k-images-idx3-ubyte";

    /** Standard file name of the test labels. */
    public static final String TEST_LABELS = "t10k-labels-idx1-ubyte";

    /** Checks that both data sets are present. */
    public MnistData {
        Checks.notNull("train", train);
        Checks.notNull("test", test);
    }

    /**
     * Reads the training and test sets from the four standard files in {@code directory}.
     *
     * @param directory the directory holding the files, raw or {@code .gz}
     * @return the training and test sets, pixels in [0, 1]
     * @throws NoSuchFileException if a file is missing (the message names both candidate names)
     * @throws CorruptDataException if a file is not what its name says
     * @throws IOException if a file cannot be read
     */
    public static MnistData load(Path directory) throws IOException {
        Checks.notNull("directory", directory);
        if (!Files.isDirectory(directory)) {
            throw new NoSuchFileException(directory.toString(), null, "not a directory");
        }
        Dataset train = read(find(directory, TRAIN_IMAGES), find(directory, TRAIN_LABELS));
        Dataset test = read(find(directory, TEST_IMAGES), find(directory, TEST_LABELS));
        return new MnistData(train, test);
    }

    /**
     * Reads one data set from an image file and a label file (raw or gzip).
     *
     * @param images rank-3 IDX file of unsigned bytes, N x rows x columns
     * @param labels rank-1 IDX file of unsigned bytes, N labels in [0, 10)
     * @return the data set, pixels in [0, 1], {@code featureCount = rows * columns}
     * @throws CorruptDataException if a file is invalid or the counts differ
     * @throws IOException if a file cannot be read
     */
    public static Dataset read(Path images, Path labels) throws IOException {
        Checks.notNull("images", images);
        Checks.notNull("labels", labels);
        return toDataset(Idx.read(images, 3), images.toString(),
                Idx.read(labels, 1), labels.toString());
    }

    /**
     * Reads one data set from an image stream and a label stream (raw or gzip), for example
     * class-path resources. The streams are read to their end and not closed.
     *
     * @param images rank-3 IDX stream of unsigned bytes
     * @param labels rank-1 IDX stream of unsigned bytes, labels in [0, 10)
     * @return the data set, pixels in [0, 1]
     * @throws CorruptDataException if a stream is invalid or the counts differ
     * @throws IOException if a stream cannot be read
     */
    public static Dataset fromStreams(InputStream images, InputStream labels) throws IOException {
        return fromStreams(images, "images", labels, "labels");
    }

    /**
     * Reads one data set from named image and label streams; the names appear in error messages.
     *
     * @param images rank-3 IDX stream of unsigned bytes
     * @param imagesName name of the image stream
     * @param labels rank-1 IDX stream of unsigned bytes, labels in [0, 10)
     * @param labelsName name of the label stream
     * @return the data set, pixels in [0, 1]
     * @throws CorruptDataException if a stream is invalid or the counts differ
     * @throws IOException if a stream cannot be read
     */
    public static Dataset fromStreams(InputStream images, String imagesName, InputStream labels,
            String labelsName) throws IOException {
        Checks.notNull("images", images);
        Checks.notNull("labels", labels);
        return toDataset(Idx.read(images, imagesName, 3), imagesName,
                Idx.read(labels, labelsName, 1), labelsName);
    }

    private static Dataset toDataset(IdxArray images, String imagesName, IdxArray labels,
            String labelsName) throws CorruptDataException {
        int n = images.dimension(0);
        if (labels.dimension(0) != n) {
            throw new CorruptDataException(imagesName + " and " + labelsName, "count mismatch: "
                    + imagesName + " holds " + n + " images but " + labelsName + " holds "
                    + labels.dimension(0) + " labels");
        }
        long featureCount = (long) images.dimension(1) * images.dimension(2);
        if (featureCount == 0) {
            throw new CorruptDataException(imagesName, "images of size " + images.dimension(1)
                    + " x " + images.dimension(2) + " hold no pixels");
        }
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = labels.unsigned(i);
            if (y[i] >= CLASS_COUNT) {
                throw new CorruptDataException(labelsName, "label " + y[i] + " at index " + i
                        + " is outside [0, " + CLASS_COUNT + ")");
            }
        }
        byte[] pixels = images.data();
        float[] x = new float[pixels.length];
        for (int k = 0; k < pixels.length; k++) {
            x[k] = (pixels[k] & 0xFF) / 255f;
        }
        return new Dataset(x, y, (int) featureCount, CLASS_COUNT);
    }

    private static Path find(Path directory, String name) throws NoSuchFileException {
        Path raw = directory.resolve(name);
        if (Files.isRegularFile(raw)) {
            return raw;
        }
        Path gzip = directory.resolve(name + ".gz");
        if (Files.isRegularFile(gzip)) {
            return gzip;
        }
        throw new NoSuchFileException(raw.toString(), gzip.toString(),
                "neither file exists");
    }
}

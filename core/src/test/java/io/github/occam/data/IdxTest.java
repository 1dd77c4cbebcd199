package io.github.occam.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The IDX reader on files written byte by byte from the format description. */
class IdxTest {

    private static IdxArray read(byte[] bytes, int rank) throws IOException {
        return Idx.read(new ByteArrayInputStream(bytes), "test.idx", rank);
    }

    /** The same content, raw and compressed, fails with the same message. */
    private static void assertRawAndGzipFail(byte[] raw, int rank, String expected) {
        assertThatThrownBy(() -> read(raw, rank))
                .isInstanceOf(CorruptDataException.class).hasMessage(expected);
        assertThatThrownBy(() -> read(IdxBytes.gzip(raw), rank))
                .isInstanceOf(CorruptDataException.class).hasMessage(expected);
    }

    @Test
    void readsRawAndGzipIdentically() throws IOException {
        byte[] data = new byte[2 * 3 * 4];
        for (int k = 0; k < data.length; k++) {
            data[k] = (byte) (250 - 11 * k);     // spans values above 127
        }
        byte[] raw = IdxBytes.ubyte(new int[] {2, 3, 4}, data);
        IdxArray fromRaw = read(raw, 3);
        IdxArray fromGzip = read(IdxBytes.gzip(raw), 3);

        assertThat(fromRaw.dimensions()).containsExactly(2, 3, 4);
        assertThat(fromRaw.rank()).isEqualTo(3);
        assertThat(fromRaw.data()).isEqualTo(data);
        assertThat(fromRaw.unsigned(0)).isEqualTo(250);
        assertThat(fromRaw.unsigned(23)).isEqualTo((250 - 11 * 23) & 0xFF);
        assertThat(fromGzip).isEqualTo(fromRaw);
        assertThat(fromRaw.toString()).isEqualTo("IdxArray[dimensions=[2, 3, 4]]");
    }

    @Test
    void readsFilesOfAnyRankAndEmptyArrays(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("x.idx.gz");
        Files.write(file, IdxBytes.gzip(IdxBytes.ubyte(new int[] {5}, new byte[] {1, 2, 3, 4, 5})));
        assertThat(Idx.read(file).data()).containsExactly(1, 2, 3, 4, 5);
        assertThat(read(IdxBytes.ubyte(new int[] {0, 28, 28}, new byte[0]), 3).dimensions())
                .containsExactly(0, 28, 28);
        assertThat(read(IdxBytes.ubyte(new int[] {1, 1, 1, 2}, new byte[] {9, 8}), 0).rank())
                .isEqualTo(4);
    }

    @Test
    void rejectsBadMagic() {
        byte[] bytes = IdxBytes.ubyte(new int[] {1}, new byte[] {0});
        bytes[1] = 0x12;
        assertThatThrownBy(() -> read(bytes, 1))
                .isInstanceOf(CorruptDataException.class)
                .hasMessageStartingWith("test.idx: bad magic number 0x00120801")
                .hasMessageContaining("two zero bytes");
    }

    @Test
    void rejectsOtherDataTypes() {
        byte[] floats = IdxBytes.idx(0x0D, new int[] {1}, new byte[4]);
        assertThatThrownBy(() -> read(floats, 1))
                .isInstanceOf(CorruptDataException.class)
                .hasMessageContaining("0x00000D01")
                .hasMessageContaining("data type 0x0D (float) is not supported");
    }

    @Test
    void rejectsWrongRank() {
        byte[] labels = IdxBytes.labels(3);
        assertThatThrownBy(() -> read(labels, 3))
                .isInstanceOf(CorruptDataException.class)
                .hasMessage("test.idx: bad magic number 0x00000801 (rank 1), expected 0x00000803"
                        + " (unsigned bytes, rank 3)");
        byte[] rankZero = IdxBytes.ubyte(new int[0], new byte[0]);
        assertThatThrownBy(() -> read(rankZero, 0))
                .isInstanceOf(CorruptDataException.class)
                .hasMessageContaining("rank 0");
    }

    @Test
    void rejectsTruncatedHeader() {
        byte[] full = IdxBytes.images(1, 2, 2);
        assertThatThrownBy(() -> read(Arrays.copyOf(full, 3), 3))
                .isInstanceOf(CorruptDataException.class)
                .hasMessage("test.idx: truncated header: expected at least 4 bytes (the magic"
                        + " number), got 3");
        assertThatThrownBy(() -> read(Arrays.copyOf(full, 10), 3))
                .isInstanceOf(CorruptDataException.class)
                .hasMessage("test.idx: truncated header: expected 16 bytes (magic number and 3"
                        + " dimensions), got 10");
        assertThatThrownBy(() -> read(new byte[0], 0))
                .isInstanceOf(CorruptDataException.class)
                .hasMessageContaining("got 0");
    }

    @Test
    void rejectsTruncatedBodyRawAndGzip() {
        byte[] full = IdxBytes.images(2, 3, 3);      // 16-byte header + 18 data bytes
        byte[] cut = Arrays.copyOf(full, full.length - 5);
        String expected = "test.idx: truncated data: dimensions [2, 3, 3] need 18 bytes after"
                + " the 16-byte header, got 13 (file length 29, expected 34)";
        assertRawAndGzipFail(cut, 3, expected);
    }

    @Test
    void rejectsGzipStreamCutShort() {
        byte[] compressed = IdxBytes.gzip(IdxBytes.images(50, 10, 10));
        byte[] cut = Arrays.copyOf(compressed, compressed.length / 2);
        assertThatThrownBy(() -> read(cut, 3))
                .isInstanceOf(CorruptDataException.class)
                .hasMessageStartingWith("test.idx: ")
                .hasMessageContaining("need 5000 bytes");
    }

    @Test
    void rejectsDamagedGzip() {
        byte[] compressed = IdxBytes.gzip(IdxBytes.images(50, 10, 10));
        compressed[compressed.length - 6] ^= 0x55;     // inside the CRC-32 of the trailer
        assertThatThrownBy(() -> read(compressed, 3))
                .isInstanceOf(CorruptDataException.class)
                .hasMessageStartingWith("test.idx: damaged gzip stream");
    }

    @Test
    void rejectsTrailingGarbage() {
        byte[] full = IdxBytes.labels(4);
        byte[] longer = Arrays.copyOf(full, full.length + 3);
        String expected = "test.idx: trailing garbage: 3 bytes after the 4 data bytes"
                + " (file length 15, expected 12)";
        assertRawAndGzipFail(longer, 1, expected);
    }

    @Test
    void rejectsNegativeAndOversizedDimensions() {
        byte[] negative = IdxBytes.ubyte(new int[] {2, -1, 3}, new byte[0]);
        assertThatThrownBy(() -> read(negative, 3))
                .isInstanceOf(CorruptDataException.class)
                .hasMessageContaining("dimension 1 is negative: -1");
        byte[] huge = IdxBytes.ubyte(new int[] {65536, 65536, 1}, new byte[0]);
        assertThatThrownBy(() -> read(huge, 3))
                .isInstanceOf(CorruptDataException.class)
                .hasMessageContaining("dimensions [65536, 65536, 1] hold more than");
    }

    @Test
    void namesTheFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("broken-idx1-ubyte");
        Files.write(file, new byte[] {0, 0, 8});
        assertThatThrownBy(() -> Idx.read(file, 1))
                .isInstanceOf(CorruptDataException.class)
                .hasMessageStartingWith(file + ": truncated header")
                .satisfies(e -> assertThat(((CorruptDataException) e).source())
                        .isEqualTo(file.toString()));
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> Idx.read(new ByteArrayInputStream(new byte[0]), "s", 256))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expectedRank must be in [0, 255], got 256");
        assertThatThrownBy(() -> new IdxArray(new int[] {2, 2}, new byte[3]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("data has length 3");
    }
}

package io.github.occam.examples.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MemoryTest {

    @Test
    void aRequestLargerThanTheLimitIsRefusedNamingItAndBothSizes() {
        assertThatThrownBy(() -> Memory.require("--hidden 2147483647",
                Memory.product(2147483647L, 794, 4, 6), 6L << 30))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--hidden 2147483647 needs about 37.2 TiB of memory")
                .hasMessageContaining("more than the 6.00 GiB");
        Memory.require("--hidden 800", Memory.product(800, 794, 4, 6), 6L << 30);
    }

    @Test
    void productsAndSumsSaturateInsteadOfOverflowing() {
        assertThat(Memory.product(1L << 40, 1L << 40)).isEqualTo(Long.MAX_VALUE);
        assertThat(Memory.product(3, 0, Long.MAX_VALUE)).isZero();
        assertThat(Memory.sum(Long.MAX_VALUE - 1, 5)).isEqualTo(Long.MAX_VALUE);
        assertThat(Memory.sum(2, 3)).isEqualTo(5);
        assertThatThrownBy(() -> Memory.product(2, -1)).hasMessageContaining("got -1");
    }

    @Test
    void sizesAreWrittenInBinaryUnits() {
        assertThat(Memory.format(512)).isEqualTo("512 B");
        assertThat(Memory.format(1536)).isEqualTo("1.50 KiB");
        assertThat(Memory.format(20L << 40)).isEqualTo("20.0 TiB");
        assertThat(Memory.format(300L << 20)).isEqualTo("300 MiB");
        assertThat(Memory.format(Long.MAX_VALUE)).isEqualTo("more than 8 EiB");
    }
}

package io.github.occam.examples.logistic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The command reports non-convergence itself; the library's warning of it stays out of its output. */
class LoggingTest {

    @Test
    void theMinimizersWarningIsLeftToTheCommandsOwnMessage() {
        assertThat(LoggerFactory.getLogger("io.github.occam.optim.SearchMinimizer").isWarnEnabled()).isFalse();
        assertThat(LoggerFactory.getLogger("io.github.occam.optim.SearchMinimizer").isErrorEnabled()).isTrue();
        assertThat(LoggerFactory.getLogger("io.github.occam.evidence.Laplace").isWarnEnabled()).isTrue();
    }
}

package io.github.occam.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The JMH settings every benchmark here inherits: the average time of one call in milliseconds,
 * one fork, five warm-up and five measured iterations of at least 2 s each (a call longer than
 * that makes an iteration of one call), and one state shared by the benchmark's thread. Each is
 * overridden from the command line ({@code -bm}, {@code -tu}, {@code -f}, {@code -wi},
 * {@code -w}, {@code -i}, {@code -r}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public abstract class BenchmarkDefaults {
}

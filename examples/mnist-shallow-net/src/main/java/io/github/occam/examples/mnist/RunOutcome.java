package io.github.occam.examples.mnist;

import java.io.Serializable;

/**
 * What one run of a sweep computed, as it travels from whoever ran it to the files: its line of
 * {@code runs.csv}, its line of {@code evidence.csv} (null without {@code --evidence}) and its
 * final network (null without {@code --save-weights}). The sweep writes the evidence and the
 * network first and the record last, so that a run is in {@code runs.csv} only with its other
 * outputs.
 *
 * @param record       the run's record
 * @param evidenceLine its {@code evidence.csv} line, newline-terminated, or null
 * @param weights      its final parameters, or null
 */
public record RunOutcome(RunRecord record, String evidenceLine, double[] weights) implements Serializable {
}

/**
 * The Laplace evidence of a model (Smith &amp; Le, eq. 1 and 2): {@link
 * io.github.occam.evidence.Evidence}, the log evidence ratio E against the null model at a prior
 * precision \(\lambda\), and the search for the \(\lambda\) of largest evidence.
 *
 * <pre>{@code
 * Evidence evidence = Evidence.of(model, 1.0);
 * boolean trustModel = evidence.converged() && evidence.logEvidenceRatio() < 0;
 * }</pre>
 */
package io.github.occam.evidence;

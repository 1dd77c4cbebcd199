/**
 * Dense and matrix-free symmetric linear algebra that knows nothing of models: eigenvalues of a
 * dense symmetric matrix (Householder tridiagonalization and implicit QL).
 *
 * <pre>{@code
 * double[] ascending = SymmetricEigenvalues.of(matrix);
 * }</pre>
 */
package io.github.occam.linalg;

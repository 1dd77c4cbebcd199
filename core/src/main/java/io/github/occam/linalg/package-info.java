/**
 * Dense and matrix-free symmetric linear algebra that knows nothing of models: eigenvalues of a
 * dense symmetric matrix (Householder tridiagonalization and implicit QL); the Lanczos process
 * with full re-orthogonalization on a {@link io.github.occam.SymmetricOperator}
 * ({@link io.github.occam.linalg.Lanczos}), giving extremal
 * {@link io.github.occam.linalg.RitzPairs} with residual bounds or the
 * {@link io.github.occam.linalg.LanczosTridiagonal} of a start vector and its Gauss and
 * Gauss-Radau {@link io.github.occam.linalg.QuadratureRule}s; and eigenvalues with rows of
 * eigenvectors of a symmetric tridiagonal matrix
 * ({@link io.github.occam.linalg.TridiagonalEigensystem}).
 *
 * <pre>{@code
 * double[] ascending = SymmetricEigenvalues.of(matrix);
 * RitzPairs top = Lanczos.of(operator, 200).extremal(5, 0, 1e-10, 42L, false);
 * QuadratureRule rule = Lanczos.of(operator, 40).tridiagonalize(z, 40).gauss();
 * }</pre>
 */
package io.github.occam.linalg;

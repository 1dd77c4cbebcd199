/** Built-in models: the Gaussian linear regression used as the exactness reference. */
package io.github.occam.models;

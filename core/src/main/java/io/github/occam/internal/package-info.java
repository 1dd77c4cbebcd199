/** Implementation helpers shared by the Occam packages; not part of the public API. */
package io.github.occam.internal;

/**
 * The checkout function as AWS's Java runtime expects it: a {@code RequestHandler}.
 */
@NullMarked
package dev.lambdaruntime.benchmarks.ric;

import org.jspecify.annotations.NullMarked;

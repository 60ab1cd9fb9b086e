/**
 * The one-line function every benchmark contender serves.
 */
@NullMarked
package dev.lambdaruntime.benchmarks.function;

import org.jspecify.annotations.NullMarked;

/**
 * The floor: the least a JVM runtime can do per invocation.
 */
@NullMarked
package dev.lambdaruntime.benchmarks.floor;

import org.jspecify.annotations.NullMarked;

/**
 * The benchmark harness: launches each contender runtime against the in-process Runtime API,
 * feeds it events one at a time as Lambda does, and reports init time, throughput, latency, CPU
 * time per invocation and peak RSS.
 */
@NullMarked
package dev.lambdaruntime.benchmarks.harness;

import org.jspecify.annotations.NullMarked;

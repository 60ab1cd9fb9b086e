/**
 * Lean HTTP/1.1 on a blocking socket: just what the Lambda Runtime API needs, for the harness's
 * fake Runtime API and the raw-socket floor runtime.
 */
@NullMarked
package dev.lambdaruntime.benchmarks.wire;

import org.jspecify.annotations.NullMarked;

/**
 * An in-process emulator of the AWS Lambda Runtime API, for testing a runtime over real sockets:
 * a test queues events through {@link dev.lambdaruntime.test.LambdaEmulator} and awaits the
 * function's results.
 */
@NullMarked
package dev.lambdaruntime.test;

import org.jspecify.annotations.NullMarked;

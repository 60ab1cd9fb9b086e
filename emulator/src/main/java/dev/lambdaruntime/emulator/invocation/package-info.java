/**
 * The emulated Lambda service between its two APIs: each invocation from queued to done, the
 * queue the runtime takes from, the registry its answers find them in, the execution environment
 * that runtime failures are charged to, the bounded records of what happened, and the check of
 * the timeouts and delays the emulator is configured with.
 */
@NullMarked
package dev.lambdaruntime.emulator.invocation;

import org.jspecify.annotations.NullMarked;

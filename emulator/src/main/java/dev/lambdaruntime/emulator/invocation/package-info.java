/**
 * The emulated Lambda service between its two APIs: each invocation from queued to done, the
 * queue the runtime takes from, the registry its answers find them in, the execution environment
 * that runtime failures are charged to, and the bounded records of what happened.
 */
@NullMarked
package dev.lambdaruntime.emulator.invocation;

import org.jspecify.annotations.NullMarked;

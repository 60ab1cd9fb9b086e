/**
 * The Lambda Extensions API beside the Runtime API: extensions register, then poll for
 * {@code INVOKE} and {@code SHUTDOWN} events; the Logs and Telemetry API subscriptions are
 * accepted and answered as the Runtime Interface Emulator answers them.
 */
@NullMarked
package dev.lambdaruntime.emulator.extensionsapi;

import org.jspecify.annotations.NullMarked;

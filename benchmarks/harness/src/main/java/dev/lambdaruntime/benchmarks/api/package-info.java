/**
 * A fast in-process Lambda Runtime API on loopback, cheap enough not to weigh on what it
 * measures: a raw socket, a thread and a keep-alive connection per poller.
 */
@NullMarked
package dev.lambdaruntime.benchmarks.api;

import org.jspecify.annotations.NullMarked;

/**
 * The HTTP plumbing the emulator's endpoints share on the JDK's HTTP server: guarding every path
 * against web pages of other sites, a bounded pool of request threads, serving an exchange,
 * reading a body up to the limit, writing an answer, decoding a path segment, the JSON bodies.
 */
@NullMarked
package dev.lambdaruntime.emulator.http;

import org.jspecify.annotations.NullMarked;

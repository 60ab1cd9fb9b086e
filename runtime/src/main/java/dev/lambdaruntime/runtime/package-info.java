/**
 * The framework-free core: the Lambda Runtime API client, the invocation loop, the invocation
 * context and the error encoding. Nothing here imports Spring. Public is only what a user of the
 * core (or the Spring layer on top of it) touches: {@link dev.lambdaruntime.runtime.RuntimeLoop}
 * with its client, handler, invocation, context, response and error types; the HTTP code stays
 * package-private.
 */
@NullMarked
package dev.lambdaruntime.runtime;

import org.jspecify.annotations.NullMarked;

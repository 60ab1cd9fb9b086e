/**
 * The framework-free core: the Lambda Runtime API client, the invocation loop, the invocation
 * context and the error encoding. Nothing here imports Spring.
 */
@NullMarked
package dev.lambdaruntime.runtime;

import org.jspecify.annotations.NullMarked;

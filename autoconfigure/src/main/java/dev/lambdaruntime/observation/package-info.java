/**
 * Micrometer observation of each invocation, with the invocation's X-Ray trace as the parent of
 * its span.
 */
@NullMarked
package dev.lambdaruntime.observation;

import org.jspecify.annotations.NullMarked;

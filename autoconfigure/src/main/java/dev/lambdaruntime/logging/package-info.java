/**
 * Console logs shaped like the managed Lambda runtime's: one JSON record per line, with the
 * invocation's request, trace and tenant ids.
 */
@NullMarked
package dev.lambdaruntime.logging;

import org.jspecify.annotations.NullMarked;

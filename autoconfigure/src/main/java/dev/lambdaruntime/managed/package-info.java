/**
 * The handler that serves the application's function on AWS's managed Java runtime (for
 * SnapStart, say) instead of as an executable function.
 */
@NullMarked
package dev.lambdaruntime.managed;

import org.jspecify.annotations.NullMarked;

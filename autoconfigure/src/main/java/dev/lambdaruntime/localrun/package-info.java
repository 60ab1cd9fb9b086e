/**
 * Local runs under the Lambda emulator: what the application says when it is ready (the
 * function served, the emulator's page, a curl line with an event that fits the function).
 */
@NullMarked
package dev.lambdaruntime.localrun;

import org.jspecify.annotations.NullMarked;

/**
 * The function adapter: chooses the {@code Function}, {@code Consumer} or {@code Supplier} (or
 * classic handler) to serve, converts each event to its input and its result to the response, as
 * the Java managed runtime does, composes {@code a|b} definitions and streams results. It knows
 * the function catalog and Jackson, not how it is wired.
 */
@NullMarked
package dev.lambdaruntime.function;

import org.jspecify.annotations.NullMarked;

/**
 * The web page under {@code /emulator/} where a person invokes the function and watches the
 * recent invocations, and the endpoint serving those invocations as JSON.
 */
@NullMarked
package dev.lambdaruntime.emulator.page;

import org.jspecify.annotations.NullMarked;

package dev.lambdaruntime.runtime;

import org.jspecify.annotations.Nullable;

/**
 * The event could not be converted to the function's input: a bad event, reported as a function
 * error of category {@code Runtime.UnmarshalError}, after which the loop goes on.
 *
 * @since 0.1.0
 */
public class InvalidEventException extends RuntimeException {

	public InvalidEventException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}

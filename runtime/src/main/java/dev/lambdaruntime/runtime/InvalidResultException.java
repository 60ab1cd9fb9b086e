package dev.lambdaruntime.runtime;

import org.jspecify.annotations.Nullable;

/**
 * The function's result could not be converted to a response, reported as a function error of
 * category {@code Runtime.MarshalError}.
 *
 * @since 0.1.0
 */
public class InvalidResultException extends RuntimeException {

	public InvalidResultException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}

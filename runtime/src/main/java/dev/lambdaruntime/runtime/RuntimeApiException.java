package dev.lambdaruntime.runtime;

import java.io.IOException;

/**
 * The Runtime API answered a call with a status other than the expected one, or with a response
 * that breaks the protocol.
 *
 * @since 0.1.0
 */
public class RuntimeApiException extends IOException {

	private final int status;

	public RuntimeApiException(int status, String message) {
		super(message);
		this.status = status;
	}

	/** The HTTP status of the answer. */
	public int getStatus() {
		return this.status;
	}

}

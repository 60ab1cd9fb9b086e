package dev.lambdaruntime.runtime;

import java.io.IOException;

/**
 * The Runtime API answered a call with a status other than the expected one, or with a response
 * that breaks the protocol.
 */
class RuntimeApiException extends IOException {

	private final int status;

	RuntimeApiException(int status, String message) {
		super(message);
		this.status = status;
	}

	/** The HTTP status of the answer. */
	int getStatus() {
		return this.status;
	}

}

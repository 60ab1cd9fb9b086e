package dev.lambdaruntime.emulator.invokeapi;

import java.util.concurrent.RejectedExecutionException;

import dev.lambdaruntime.emulator.http.RequestBody;

/**
 * A request the Invoke API refuses, with the status and error type that Lambda would answer.
 */
final class InvokeApiException extends RuntimeException {

	private final int status;

	private final String errorType;

	InvokeApiException(int status, String errorType, String message) {
		super(message);
		this.status = status;
		this.errorType = errorType;
	}

	static InvokeApiException invalidParameter(String message) {
		return new InvokeApiException(400, "InvalidParameterValueException", message);
	}

	/** A 413, as Lambda answers an event beyond its payload limit. */
	static InvokeApiException tooLarge() {
		return new InvokeApiException(413, "RequestTooLargeException",
				"Request must be smaller than " + RequestBody.MAX_LENGTH + " bytes for the InvokeFunction operation");
	}

	/** A 429, as Lambda answers when it throttles, here because the queue of waiting events is full. */
	static InvokeApiException throttled(RejectedExecutionException cause) {
		return new InvokeApiException(429, "TooManyRequestsException", cause.getMessage());
	}

	InvokeApiResponse response() {
		return InvokeApiResponse.error(this.status, this.errorType, getMessage());
	}

}

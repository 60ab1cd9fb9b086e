package dev.lambdaruntime.emulator.invokeapi;

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

	InvokeApiResponse response() {
		return InvokeApiResponse.error(this.status, this.errorType, getMessage());
	}

}

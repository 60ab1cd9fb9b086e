package dev.lambdaruntime.emulator.service;

import dev.lambdaruntime.emulator.http.ApiError;

/**
 * A call of the Lambda API that the local service refuses, with the status and error code that
 * Lambda answers and the AWS SDKs turn into their modeled exceptions.
 */
final class LambdaApiException extends RuntimeException {

	private final ApiError error;

	private LambdaApiException(int status, String errorType, String message) {
		super(message);
		this.error = new ApiError(status, errorType, message);
	}

	static LambdaApiException notFound(String message) {
		return new LambdaApiException(404, "ResourceNotFoundException", message);
	}

	static LambdaApiException conflict(String message) {
		return new LambdaApiException(409, "ResourceConflictException", message);
	}

	static LambdaApiException invalidParameter(String message) {
		return new LambdaApiException(400, "InvalidParameterValueException", message);
	}

	static LambdaApiException codeStorageExceeded(String message) {
		return new LambdaApiException(400, "CodeStorageExceededException", message);
	}

	static LambdaApiException tooLarge(String message) {
		return new LambdaApiException(413, "RequestTooLargeException", message);
	}

	static LambdaApiException unknownOperation(String method, String path) {
		return new LambdaApiException(404, "UnknownOperationException",
				"The local Lambda service has no operation " + method + " " + path);
	}

	ApiError error() {
		return this.error;
	}

}

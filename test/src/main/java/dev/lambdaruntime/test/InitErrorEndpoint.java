package dev.lambdaruntime.test;

/**
 * Answers {@code POST /runtime/init/error} by recording the reported failure.
 */
final class InitErrorEndpoint {

	private final EventLog<InitError> initErrors;

	InitErrorEndpoint(EventLog<InitError> initErrors) {
		this.initErrors = initErrors;
	}

	RuntimeApiResponse initError(RuntimeApiRequest request) {
		InitError error = new InitError(request.headers().get(RuntimeApiHeaders.FUNCTION_ERROR_TYPE),
				request.body().bytes(), request.headers());
		return RuntimeApiResponse.accepted(() -> this.initErrors.add(error));
	}

}

package dev.lambdaruntime.emulator;

/**
 * Answers {@code POST /runtime/init/error}: records the reported failure and charges it to the
 * invocation waiting for the runtime.
 */
final class InitErrorEndpoint {

	private final EventLog<InitError> initErrors;

	private final RuntimeLifecycle lifecycle;

	InitErrorEndpoint(EventLog<InitError> initErrors, RuntimeLifecycle lifecycle) {
		this.initErrors = initErrors;
		this.lifecycle = lifecycle;
	}

	RuntimeApiResponse initError(RuntimeApiRequest request) {
		InitError error = new InitError(request.headers().get(RuntimeApiHeaders.FUNCTION_ERROR_TYPE),
				request.body().bytes(), request.headers());
		return RuntimeApiResponse.accepted(() -> {
			this.initErrors.add(error);
			this.lifecycle.initFailed(error);
		});
	}

}

package dev.lambdaruntime.emulator.runtimeapi;

import dev.lambdaruntime.emulator.InitError;
import dev.lambdaruntime.emulator.invocation.EventLog;
import dev.lambdaruntime.emulator.invocation.ExecutionEnvironment;
import dev.lambdaruntime.runtime.RuntimeApiProtocol;

/**
 * Answers {@code POST /runtime/init/error}: records the reported failure and charges it to the
 * invocation waiting for the runtime; refuses it with 403 {@code InvalidStateTransition} once the
 * runtime has called {@code next} or reported an init error already.
 */
final class InitErrorEndpoint {

	private final EventLog<InitError> initErrors;

	private final ExecutionEnvironment environment;

	InitErrorEndpoint(EventLog<InitError> initErrors, ExecutionEnvironment environment) {
		this.initErrors = initErrors;
		this.environment = environment;
	}

	RuntimeApiResponse initError(RuntimeApiRequest request) {
		InitError error = new InitError(request.headers().get(RuntimeApiProtocol.FUNCTION_ERROR_TYPE),
				request.body().bytes(), request.headers());
		if (!this.environment.initFailed()) {
			return RuntimeApiResponse.invalidStateTransition("An init error is accepted only while the runtime "
					+ "initializes: before its first next call, and once");
		}
		return RuntimeApiResponse.accepted(() -> {
			this.initErrors.add(error);
			this.environment.chargeInitError(error);
		});
	}

}

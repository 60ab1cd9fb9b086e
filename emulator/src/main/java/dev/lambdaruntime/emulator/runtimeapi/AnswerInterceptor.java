package dev.lambdaruntime.emulator.runtimeapi;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Stands between each Runtime API call and its endpoint's answer, so that injected faults can
 * replace, delay or alter the answer, or drop the connection instead.
 */
@FunctionalInterface
public interface AnswerInterceptor {

	/**
	 * Answers a call.
	 * @param operation the operation called
	 * @param endpoint the endpoint's answer, computed on demand; empty when the call is to go
	 * without one
	 * @return the answer to send, or empty to close the connection without one
	 */
	Optional<RuntimeApiResponse> answer(RuntimeApiOperation operation,
			Supplier<Optional<RuntimeApiResponse>> endpoint);

}

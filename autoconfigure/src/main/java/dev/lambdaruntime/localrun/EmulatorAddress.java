package dev.lambdaruntime.localrun;

import java.util.Optional;

import org.springframework.core.env.Environment;

/**
 * Where the emulator of a local run listens: the Runtime API's address, which also serves the
 * emulator's page and its own endpoints.
 */
final class EmulatorAddress {

	private EmulatorAddress() {
	}

	/**
	 * Reads the address from {@code lambda.runtime.api} or {@code AWS_LAMBDA_RUNTIME_API}.
	 * @param environment the application's environment
	 * @return {@code http://host:port}, without any path prefix of the Runtime API; empty if
	 * neither is set
	 */
	static Optional<String> of(Environment environment) {
		String runtimeApi = environment.getProperty("lambda.runtime.api",
				environment.getProperty("AWS_LAMBDA_RUNTIME_API", ""));
		if (runtimeApi.isEmpty()) {
			return Optional.empty();
		}
		int prefix = runtimeApi.indexOf('/');
		return Optional.of("http://" + ((prefix >= 0) ? runtimeApi.substring(0, prefix) : runtimeApi));
	}

}

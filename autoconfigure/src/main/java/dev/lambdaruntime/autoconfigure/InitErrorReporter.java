package dev.lambdaruntime.autoconfigure;

import java.io.IOException;

import dev.lambdaruntime.function.FunctionSelectionException;
import dev.lambdaruntime.runtime.LambdaError;
import dev.lambdaruntime.runtime.RuntimeApiClient;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;

/**
 * Reports a failed application start to the Runtime API's init error call, so that Lambda fails
 * the invocation at once instead of waiting for its timeout. The application then exits
 * non-zero as any failed Spring Boot application does.
 */
class InitErrorReporter implements SpringApplicationRunListener {

	private static final Logger logger = LoggerFactory.getLogger(InitErrorReporter.class);

	InitErrorReporter(SpringApplication application, String[] args) {
	}

	@Override
	public void failed(@Nullable ConfigurableApplicationContext context, Throwable exception) {
		String address = RuntimeApiSettings.of((context != null) ? context.getEnvironment() : new StandardEnvironment())
			.address();
		if (address != null) {
			report(address, exception);
		}
	}

	static void report(String address, Throwable exception) {
		Throwable cause = rootCause(exception);
		String category = (cause instanceof FunctionSelectionException) ? LambdaError.BAD_FUNCTION_CODE
				: LambdaError.USER_EXCEPTION;
		try (RuntimeApiClient client = RuntimeApiClient.forAddress(address)) {
			client.postInitError(LambdaError.of(category, cause));
		}
		catch (IOException | IllegalArgumentException ex) {
			logger.error("Could not report the init error to the Lambda Runtime API at {}: {}", address,
					ex.getMessage());
		}
	}

	private static Throwable rootCause(Throwable exception) {
		Throwable cause = exception;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause;
	}

}

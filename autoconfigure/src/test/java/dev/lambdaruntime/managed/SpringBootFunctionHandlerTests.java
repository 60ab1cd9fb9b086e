package dev.lambdaruntime.managed;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

import com.amazonaws.services.lambda.runtime.Context;
import dev.lambdaruntime.runtime.Invocation;
import dev.lambdaruntime.runtime.InvocationContext;
import dev.lambdaruntime.runtime.InvalidEventException;
import dev.lambdaruntime.runtime.LambdaEnvironment;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link SpringBootFunctionHandler}, called as AWS's managed Java runtime calls a
 * {@code RequestStreamHandler}.
 */
class SpringBootFunctionHandlerTests {

	private static final LambdaEnvironment ENVIRONMENT = new LambdaEnvironment("managed", "3", 1024, null, null);

	@Test
	void servesTheSelectedFunctionWithTheManagedRuntimesContext() throws Exception {
		SpringBootFunctionHandler handler = new SpringBootFunctionHandler(ManagedApplication.class);
		assertThat(handle(handler, "{\"name\":\"Ada\"}", "managed-1"))
			.isEqualTo("{\"greeting\":\"Hello, Ada from managed-1 (managed)\"}");
		assertThat(handle(new SpringBootFunctionHandler(ManagedApplication.class), "{\"name\":\"Bo\"}", "managed-2"))
			.isEqualTo("{\"greeting\":\"Hello, Bo from managed-2 (managed)\"}");
	}

	@Test
	void badEventFailsWithTheSameClearErrorAsTheExecutable() {
		SpringBootFunctionHandler handler = new SpringBootFunctionHandler(ManagedApplication.class);
		assertThatExceptionOfType(InvalidEventException.class).isThrownBy(() -> handle(handler, "{oops", "managed-3"))
			.withMessageStartingWith("Could not read the event as");
	}

	private static String handle(SpringBootFunctionHandler handler, String event, String requestId) throws Exception {
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		Context context = new InvocationContext(
				new Invocation(requestId, 0, null, null, null, null, null, new byte[0]), ENVIRONMENT);
		handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), output, context);
		return output.toString(StandardCharsets.UTF_8);
	}

	record Greeting(String name) {
	}

	record Reply(String greeting) {
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class ManagedApplication {

		@Bean
		Function<Greeting, Reply> greet(Context context) {
			return (greeting) -> new Reply("Hello, " + greeting.name() + " from " + context.getAwsRequestId() + " ("
					+ context.getFunctionName() + ")");
		}

	}

}

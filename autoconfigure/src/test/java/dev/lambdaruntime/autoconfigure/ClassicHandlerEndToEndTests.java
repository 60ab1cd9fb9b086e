package dev.lambdaruntime.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.lambdaruntime.emulator.InvocationRequest;
import dev.lambdaruntime.emulator.InvocationResult;
import dev.lambdaruntime.emulator.LambdaEmulator;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End-to-end tests of classic {@link RequestHandler} and {@link RequestStreamHandler} beans used
 * as the function, for applications migrating from the managed Java runtime.
 */
class ClassicHandlerEndToEndTests {

	@AutoClose
	private final LambdaEmulator emulator = LambdaEmulator.start();

	private final ApplicationContextRunner contextRunner = LambdaRuntimeContextRunner.against(this.emulator);

	@Test
	void requestHandlerBeanIsTheOnlyFunctionAndGetsTheContext() {
		this.contextRunner.withUserConfiguration(Classic.class).run((context) -> {
			InvocationResult result = this.emulator
				.invoke(InvocationRequest.builder("{\"name\":\"Ada\"}").requestId("classic-1").build())
				.get(30, TimeUnit.SECONDS);
			assertThat(result.payloadAsString()).isEqualTo("{\"greeting\":\"Hello, Ada (classic-1)\"}");
		});
	}

	@Test
	void requestStreamHandlerBeanReadsAndWritesBytes() {
		this.contextRunner.withUserConfiguration(Streams.class).run((context) -> {
			InvocationResult result = this.emulator.invoke("not json").get(30, TimeUnit.SECONDS);
			assertThat(result.payloadAsString()).isEqualTo("NOT JSON");
		});
	}

	@Test
	void handlerBeansAreNamedAmongTheCandidates() {
		this.contextRunner.withUserConfiguration(Classic.class, Streams.class)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("[classic, shout]"));
	}

	record Greeting(String name) {
	}

	record Reply(String greeting) {
	}

	@Configuration(proxyBeanMethods = false)
	static class Classic {

		@Bean
		RequestHandler<Greeting, Reply> classic() {
			return (greeting, context) -> new Reply(
					"Hello, " + greeting.name() + " (" + context.getAwsRequestId() + ")");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Streams {

		@Bean
		RequestStreamHandler shout() {
			return new RequestStreamHandler() {

				@Override
				public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
					output.write(new String(input.readAllBytes()).toUpperCase().getBytes());
				}

			};
		}

	}

}

package dev.lambdaruntime.autoconfigure;

import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import dev.lambdaruntime.emulator.InvocationRequest;
import dev.lambdaruntime.emulator.LambdaEmulator;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * End-to-end tests of the {@code lambda.invocation} observation each invocation makes.
 */
class ObservationEndToEndTests {

	private static final String TRACE = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";

	@AutoClose
	private final LambdaEmulator emulator = LambdaEmulator.start();

	@Test
	void eachInvocationIsObservedWithFunctionOutcomeAndColdStart() {
		LambdaRuntimeContextRunner.create()
			.withUserConfiguration(Observed.class)
			.withPropertyValues("AWS_LAMBDA_RUNTIME_API=" + this.emulator.runtimeApi())
			.run((context) -> {
				TestObservationRegistry registry = context.getBean(TestObservationRegistry.class);
				this.emulator.invoke(InvocationRequest.builder("\"a\"").requestId("first").traceId(TRACE).build())
					.get(30, TimeUnit.SECONDS);
				assertThat(this.emulator.invoke("\"fail\"").get(30, TimeUnit.SECONDS).isError()).isTrue();
				assertThat(registry).hasNumberOfObservationsWithNameEqualTo("lambda.invocation", 2);
				assertThat(registry).hasAnObservation((observation) -> observation
					.hasLowCardinalityKeyValue("function", "echo")
					.hasLowCardinalityKeyValue("cold.start", "true")
					.hasLowCardinalityKeyValue("outcome", "success")
					.hasHighCardinalityKeyValue("request.id", "first")
					.satisfies((observed) -> carriesTheXRayTraceAsParent(observed)));
				assertThat(registry).hasAnObservation((observation) -> observation
					.hasLowCardinalityKeyValue("cold.start", "false")
					.hasLowCardinalityKeyValue("outcome", "error")
					.hasError());
			});
	}

	@SuppressWarnings("unchecked")
	private static void carriesTheXRayTraceAsParent(Object context) {
		assertThat(context).isInstanceOf(ReceiverContext.class);
		ReceiverContext<Object> receiver = (ReceiverContext<Object>) context;
		assertThat(receiver.getGetter().get(receiver.getCarrier(), "traceparent"))
			.isEqualTo("00-5759e988bd862e3fe1be46a994272793-53995c3f42cd8ad8-01");
		assertThat(receiver.getGetter().get(receiver.getCarrier(), "X-Amzn-Trace-Id")).isEqualTo(TRACE);
	}

	@Configuration(proxyBeanMethods = false)
	static class Observed {

		@Bean
		TestObservationRegistry observationRegistry() {
			return TestObservationRegistry.create();
		}

		@Bean
		Function<String, String> echo() {
			return (text) -> {
				if (text.equals("fail")) {
					throw new IllegalStateException("failed on purpose");
				}
				return text;
			};
		}

	}

}

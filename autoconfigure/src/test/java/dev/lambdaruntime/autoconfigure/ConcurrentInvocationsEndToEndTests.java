package dev.lambdaruntime.autoconfigure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import com.amazonaws.services.lambda.runtime.Context;
import dev.lambdaruntime.emulator.InvocationRequest;
import dev.lambdaruntime.emulator.InvocationResult;
import dev.lambdaruntime.emulator.LambdaEmulator;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End-to-end tests of several invocations at once ({@code AWS_LAMBDA_MAX_CONCURRENCY}): each
 * sees its own context, MDC and trace id.
 */
class ConcurrentInvocationsEndToEndTests {

	private static final int CONCURRENCY = 4;

	private static final int EVENTS = 100;

	@AutoClose
	private final LambdaEmulator emulator = LambdaEmulator.builder().maxConcurrency(CONCURRENCY).build();

	@Test
	void eachOfManyConcurrentInvocationsSeesItsOwnContext() {
		LambdaRuntimeContextRunner.create()
			.withUserConfiguration(TogetherFunction.class)
			.withPropertyValues("AWS_LAMBDA_RUNTIME_API=" + this.emulator.runtimeApi(),
					"AWS_LAMBDA_MAX_CONCURRENCY=" + CONCURRENCY)
			.run((context) -> {
				List<CompletableFuture<InvocationResult>> results = new ArrayList<>();
				for (int i = 0; i < EVENTS; i++) {
					results.add(this.emulator.invoke(InvocationRequest.builder("\"" + i + "\"")
						.requestId("request-" + i)
						.traceId("Root=1-" + i)
						.build()));
				}
				for (int i = 0; i < EVENTS; i++) {
					InvocationResult result = results.get(i).get(30, TimeUnit.SECONDS);
					assertThat(result.isError()).as(result.payloadAsString()).isFalse();
					JsonNode seen = JsonMapper.shared().readTree(result.payload());
					assertThat(seen.get("event").asString()).isEqualTo(Integer.toString(i));
					assertThat(seen.get("requestId").asString()).isEqualTo("request-" + i);
					assertThat(seen.get("mdc").asString()).isEqualTo("request-" + i);
					assertThat(seen.get("traceId").asString()).isEqualTo("Root=1-" + i);
					assertThat(seen.get("traceProperty").isNull()).isTrue();
				}
			});
	}

	@Test
	void invalidConcurrencyFailsTheStartClearly() {
		LambdaRuntimeContextRunner.create()
			.withUserConfiguration(TogetherFunction.class)
			.withPropertyValues("AWS_LAMBDA_RUNTIME_API=" + this.emulator.runtimeApi(), "lambda.runtime.concurrency=0")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessage("lambda.runtime.concurrency must be a whole number of at least 1, not '0'"));
	}

	@Configuration(proxyBeanMethods = false)
	static class TogetherFunction {

		/** Holds each invocation until {@link #CONCURRENCY} of them run at once. */
		private final CyclicBarrier together = new CyclicBarrier(CONCURRENCY);

		@Bean
		Function<String, Map<String, String>> together(Context context) {
			return (event) -> {
				try {
					this.together.await(20, TimeUnit.SECONDS);
				}
				catch (Exception ex) {
					throw new IllegalStateException("Fewer than " + CONCURRENCY + " invocations ran at once", ex);
				}
				Map<String, String> seen = new LinkedHashMap<>();
				seen.put("event", event);
				seen.put("requestId", context.getAwsRequestId());
				seen.put("mdc", MDC.get("AWSRequestId"));
				seen.put("traceId", context.getXrayTraceId());
				seen.put("traceProperty", System.getProperty("com.amazonaws.xray.traceHeader"));
				return seen;
			};
		}

	}

}

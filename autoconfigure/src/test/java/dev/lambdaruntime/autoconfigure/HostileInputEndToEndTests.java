package dev.lambdaruntime.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import dev.lambdaruntime.emulator.InvocationResult;
import dev.lambdaruntime.emulator.LambdaEmulator;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End-to-end tests of hostile events and failures: each is answered with a clear, bounded error,
 * nothing is echoed whole into the logs, and the loop goes on serving.
 */
@ExtendWith(OutputCaptureExtension.class)
class HostileInputEndToEndTests {

	private static final int MAX_ERROR_BODY = 64 * 1024;

	@AutoClose
	private final LambdaEmulator emulator = LambdaEmulator.start();

	private final ApplicationContextRunner contextRunner = LambdaRuntimeContextRunner.against(this.emulator)
		.withUserConfiguration(Targets.class);

	@Test
	void deeplyNestedJsonIsABoundedUnmarshalError() {
		byte[] nested = ("{\"name\":" + "[".repeat(200_000)).getBytes(StandardCharsets.US_ASCII);
		assertBoundedUnmarshalErrorThenServes("greet", nested);
	}

	@Test
	void hugeNumberIsABoundedUnmarshalError() {
		byte[] number = ("{\"count\":" + "9".repeat(100_000) + "}").getBytes(StandardCharsets.US_ASCII);
		assertBoundedUnmarshalErrorThenServes("counter", number);
	}

	@Test
	void invalidUtf8IsABoundedUnmarshalError() {
		byte[] invalid = { '{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xc3, (byte) 0x28, '"', '}' };
		assertBoundedUnmarshalErrorThenServes("greet", invalid);
	}

	@Test
	void hugeStringWithinTheLimitIsServed() {
		String name = "n".repeat(5 * 1024 * 1024);
		this.contextRunner.withPropertyValues("spring.cloud.function.definition=greet").run((context) -> {
			InvocationResult result = invoke(("{\"name\":\"" + name + "\"}").getBytes(StandardCharsets.US_ASCII));
			assertThat(result.isError()).isFalse();
			assertThat(result.payload()).hasSize(name.length() + "{\"greeting\":\"Hi \"}".length());
		});
	}

	@Test
	void typeHintsInTheEventInstantiateNothing() {
		this.contextRunner.withPropertyValues("spring.cloud.function.definition=anything").run((context) -> {
			InvocationResult result = invoke(
					"{\"@class\":\"java.lang.ProcessBuilder\",\"command\":[\"touch\",\"/tmp/owned\"]}".getBytes());
			assertThat(result.payloadAsString()).isEqualTo("\"java.util.LinkedHashMap\"");
		});
	}

	@Test
	void aHugeExceptionMessageGivesABoundedErrorBody() {
		this.contextRunner.withPropertyValues("spring.cloud.function.definition=explode").run((context) -> {
			InvocationResult result = invoke("\"x\"".getBytes());
			assertThat(result.isError()).isTrue();
			assertThat(result.payload().length).isLessThan(MAX_ERROR_BODY);
			assertThat(json(result).get("errorMessage").asString()).endsWith("(2000000 characters in all)");
		});
	}

	@Test
	void aBadEventIsNotEchoedIntoTheLogs(CapturedOutput output) {
		String marker = "SECRET-CARD-NUMBER-4111";
		byte[] event = ("{\"name\": " + (marker + " ").repeat(50_000)).getBytes(StandardCharsets.US_ASCII);
		assertBoundedUnmarshalErrorThenServes("greet", event);
		int mentions = output.getAll().split(marker, -1).length - 1;
		assertThat(mentions).isLessThanOrEqualTo(2);
	}

	@Test
	void stackTracesCanBeLeftOutOfErrorReports() {
		this.contextRunner
			.withPropertyValues("spring.cloud.function.definition=explode", "lambda.runtime.include-stack-traces=false")
			.run((context) -> {
				JsonNode error = json(invoke("\"x\"".getBytes()));
				assertThat(error.get("errorType").asString()).isEqualTo("java.lang.IllegalStateException");
				assertThat(error.get("stackTrace")).isEmpty();
			});
	}

	private void assertBoundedUnmarshalErrorThenServes(String definition, byte[] event) {
		this.contextRunner.withPropertyValues("spring.cloud.function.definition=" + definition).run((context) -> {
			InvocationResult result = invoke(event);
			assertThat(result.isError()).isTrue();
			assertThat(result.errorType()).isEqualTo("Runtime.UnmarshalError");
			assertThat(result.payload().length).isLessThan(MAX_ERROR_BODY);
			assertThat(json(result).get("errorType").asString())
				.isEqualTo("dev.lambdaruntime.runtime.InvalidEventException");
			InvocationResult next = invoke(goodEvent(definition));
			assertThat(next.isError()).as(next.payloadAsString()).isFalse();
		});
	}

	private static byte[] goodEvent(String definition) {
		return (definition.equals("counter") ? "{\"count\":2}" : "{\"name\":\"ok\"}").getBytes(StandardCharsets.UTF_8);
	}

	private InvocationResult invoke(byte[] event) throws Exception {
		return this.emulator.invoke(event).get(60, TimeUnit.SECONDS);
	}

	private static JsonNode json(InvocationResult result) {
		return JsonMapper.shared().readTree(result.payload());
	}

	record Greeting(String name) {
	}

	record Reply(String greeting) {
	}

	record Count(java.math.BigInteger count) {
	}

	@Configuration(proxyBeanMethods = false)
	static class Targets {

		@Bean
		Function<Greeting, Reply> greet() {
			return (greeting) -> new Reply("Hi " + greeting.name());
		}

		@Bean
		Function<Count, String> counter() {
			return (count) -> count.count().toString();
		}

		@Bean
		Function<Object, String> anything() {
			return (value) -> value.getClass().getName();
		}

		@Bean
		Function<String, String> explode() {
			return (text) -> {
				throw new IllegalStateException("e".repeat(2_000_000));
			};
		}

	}

}

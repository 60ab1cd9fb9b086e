package dev.lambdaruntime.sample;

import java.util.concurrent.TimeUnit;

import dev.lambdaruntime.test.InvocationRequest;
import dev.lambdaruntime.test.InvocationResult;
import dev.lambdaruntime.test.LambdaEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the sample application against the emulator, as Lambda would run it.
 */
class SampleApplicationTests {

	private LambdaEmulator emulator;

	@BeforeEach
	void startEmulator() {
		this.emulator = LambdaEmulator.start();
	}

	@AfterEach
	void stopEmulator() {
		this.emulator.close();
	}

	@Test
	void uppercaseAnswersTheSeedsExample() throws Exception {
		try (ConfigurableApplicationContext application = run()) {
			assertThat(invoke("\"hello\"").payloadAsString()).isEqualTo("\"HELLO\"");
		}
	}

	@Test
	void uppercaseReportsANonStringEventAsItsRawText() throws Exception {
		try (ConfigurableApplicationContext application = run()) {
			assertThat(invoke("[1]").payloadAsString()).isEqualTo("\"[1]\"");
		}
	}

	@Test
	void greetUsesTheInvocationContext() throws Exception {
		try (ConfigurableApplicationContext application = run("--spring.cloud.function.definition=greet")) {
			InvocationResult result = this.emulator
				.invoke(InvocationRequest.builder("{\"name\":\"Lambda\"}").requestId("sample-1").build())
				.get(30, TimeUnit.SECONDS);
			JsonNode reply = JsonMapper.shared().readTree(result.payload());
			assertThat(reply.get("message").asString()).isEqualTo("Hello, Lambda!");
			assertThat(reply.get("requestId").asString()).isEqualTo("sample-1");
			assertThat(reply.get("remainingTimeInMillis").asInt()).isPositive();
		}
	}

	@Test
	void greetRejectsAnEventThatIsNotAGreeting() throws Exception {
		try (ConfigurableApplicationContext application = run("--spring.cloud.function.definition=greet")) {
			InvocationResult result = invoke("not json");
			assertThat(result.isError()).isTrue();
			assertThat(result.errorType()).isEqualTo("Runtime.UnmarshalError");
		}
	}

	private ConfigurableApplicationContext run(String... args) {
		String[] all = new String[args.length + 1];
		all[0] = "--lambda.runtime.api=" + this.emulator.runtimeApi();
		System.arraycopy(args, 0, all, 1, args.length);
		return SpringApplication.run(SampleApplication.class, all);
	}

	private InvocationResult invoke(String event) throws Exception {
		return this.emulator.invoke(event).get(30, TimeUnit.SECONDS);
	}

}

package dev.lambdaruntime.autoconfigure;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import dev.lambdaruntime.emulator.InitError;
import dev.lambdaruntime.emulator.LambdaEmulator;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.awaitility.Awaitility.await;

/**
 * End-to-end tests of the loop's life with a whole Spring Boot application: start after
 * refresh, init errors, exit when the Runtime API is gone, stop when the context closes.
 */
class LambdaRuntimeLifecycleEndToEndTests {

	@AutoClose
	private final LambdaEmulator emulator = LambdaEmulator.start();

	@Test
	void closingTheContextStopsTheLoopBlockedOnNextWithinASecond() throws Exception {
		ConfigurableApplicationContext context = application(OneFunction.class).run();
		assertThat(this.emulator.invoke("\"up\"").get(10, TimeUnit.SECONDS).payloadAsString()).isEqualTo("\"UP\"");
		await().until(LambdaRuntimeLifecycleEndToEndTests::runtimeThreadWaitsForTheNextInvocation);
		long start = System.nanoTime();
		context.close();
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		assertThat(took).isLessThan(Duration.ofSeconds(1));
		assertThat(runtimeThreadAlive()).isFalse();
	}

	@Test
	void startupFailureIsReportedAsAnInitError() {
		assertThatException().isThrownBy(() -> application(FailingBean.class).run());
		assertThat(this.emulator.initErrors()).singleElement().satisfies((error) -> {
			assertThat(error.errorType()).isEqualTo("Runtime.UserException");
			JsonNode body = JsonMapper.shared().readTree(error.payload());
			assertThat(body.get("errorType").asString()).isEqualTo("java.lang.IllegalStateException");
			assertThat(body.get("errorMessage").asString()).isEqualTo("no database");
		});
		assertThat(runtimeThreadAlive()).isFalse();
	}

	@Test
	void ambiguousFunctionSelectionIsReportedAsABadFunctionCodeInitError() {
		assertThatException().isThrownBy(() -> application(TwoFunctions.class).run());
		InitError error = this.emulator.initErrors().get(0);
		assertThat(error.errorType()).isEqualTo("Runtime.BadFunctionCode");
		assertThat(error.payloadAsString()).contains("dev.lambdaruntime.function.FunctionSelectionException")
			.contains("[lowercase, uppercase]");
	}

	@Test
	void withoutRuntimeApiAStartupFailureReportsNothing() {
		assertThatException().isThrownBy(() -> new SpringApplicationBuilder(FailingBean.class)
			.web(WebApplicationType.NONE)
			.run());
		assertThat(this.emulator.initErrors()).isEmpty();
	}

	@Test
	void whenTheRuntimeApiGoesAwayTheApplicationExitsNonZero() {
		ConfigurableApplicationContext context = application(OneFunction.class).run();
		try {
			RecordingExit exit = context.getBean(RecordingExit.class);
			this.emulator.close();
			await().atMost(Duration.ofSeconds(5)).until(() -> exit.status.get() == 1);
		}
		finally {
			context.close();
		}
	}

	private SpringApplicationBuilder application(Class<?> configuration) {
		return new SpringApplicationBuilder(configuration, RecordingExit.class).web(WebApplicationType.NONE)
			.properties("AWS_LAMBDA_RUNTIME_API=" + this.emulator.runtimeApi(), "spring.main.banner-mode=off");
	}

	private static boolean runtimeThreadWaitsForTheNextInvocation() {
		return Thread.getAllStackTraces().entrySet().stream()
			.filter((entry) -> entry.getKey().getName().equals("lambda-runtime"))
			.flatMap((entry) -> Arrays.stream(entry.getValue()))
			.anyMatch((frame) -> frame.getClassName().endsWith("RuntimeApiClient") && frame.getMethodName().equals("next"));
	}

	private static boolean runtimeThreadAlive() {
		return Thread.getAllStackTraces().keySet().stream().anyMatch((thread) -> thread.getName().equals("lambda-runtime"));
	}

	@Configuration(proxyBeanMethods = false)
	static class RecordingExit implements LambdaRuntimeExit {

		final AtomicInteger status = new AtomicInteger(-1);

		@Override
		public void exit(int status) {
			this.status.set(status);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class OneFunction {

		@Bean
		Function<String, String> uppercase() {
			return String::toUpperCase;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class TwoFunctions {

		@Bean
		Function<String, String> uppercase() {
			return String::toUpperCase;
		}

		@Bean
		Function<String, String> lowercase() {
			return String::toLowerCase;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class FailingBean {

		@Bean
		Function<String, String> uppercase() {
			return String::toUpperCase;
		}

		@Bean
		Object database() {
			throw new IllegalStateException("no database");
		}

	}

}

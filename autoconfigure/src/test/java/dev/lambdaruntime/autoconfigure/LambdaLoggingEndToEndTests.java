package dev.lambdaruntime.autoconfigure;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import dev.lambdaruntime.emulator.InvocationRequest;
import dev.lambdaruntime.emulator.LambdaEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End-to-end tests of console logs under Lambda's logging settings.
 */
@ExtendWith(OutputCaptureExtension.class)
class LambdaLoggingEndToEndTests {

	private LambdaEmulator emulator;

	@BeforeEach
	void startEmulator() {
		this.emulator = LambdaEmulator.start();
	}

	@AfterEach
	void stopEmulator() {
		this.emulator.close();
		// Spring Boot hands logging settings to Logback through system properties it never overwrites
		System.clearProperty("CONSOLE_LOG_STRUCTURED_FORMAT");
		System.clearProperty("LOG_CORRELATION_PATTERN");
	}

	@Test
	void jsonFormatWritesOneRecordPerLineWithTheInvocationsIds(CapturedOutput output) throws Exception {
		try (ConfigurableApplicationContext context = run("AWS_LAMBDA_LOG_FORMAT=JSON")) {
			this.emulator.invoke(InvocationRequest.builder("\"fine\"")
				.requestId("json-1")
				.traceId("Root=1-abc;Sampled=1")
				.tenantId("tenant-1")
				.build()).get(30, TimeUnit.SECONDS);
			this.emulator.invoke(InvocationRequest.builder("\"fail\"").requestId("json-2").build())
				.get(30, TimeUnit.SECONDS);
		}
		JsonNode fine = record(output, "logged by the function: fine");
		assertThat(fine.get("level").asString()).isEqualTo("INFO");
		assertThat(fine.get("logger").asString()).isEqualTo(Logging.class.getName());
		assertThat(fine.get("AWSRequestId").asString()).isEqualTo("json-1");
		assertThat(fine.get("traceId").asString()).isEqualTo("Root=1-abc;Sampled=1");
		assertThat(fine.get("tenantId").asString()).isEqualTo("tenant-1");
		assertThat(fine.get("timestamp").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
		JsonNode failed = record(output, "Invocation json-2 failed");
		assertThat(failed.get("level").asString()).isEqualTo("WARN");
		assertThat(failed.get("AWSRequestId").asString()).isEqualTo("json-2");
		assertThat(failed.get("errorType").asString()).isEqualTo("java.lang.IllegalStateException");
		assertThat(failed.get("stackTrace").asString()).contains("LambdaLoggingEndToEndTests$Logging");
	}

	@Test
	void textFormatPrefixesLinesLoggedDuringAnInvocationWithItsRequestId(CapturedOutput output) throws Exception {
		try (ConfigurableApplicationContext context = run()) {
			this.emulator.invoke(InvocationRequest.builder("\"plain\"").requestId("text-1").build())
				.get(30, TimeUnit.SECONDS);
		}
		List<String> lines = output.getOut().lines().toList();
		assertThat(lines).filteredOn((line) -> line.contains("logged by the function: plain"))
			.singleElement()
			.asString()
			.contains("[text-1] ");
		assertThat(lines).filteredOn((line) -> line.contains("Serving function"))
			.singleElement()
			.asString()
			.doesNotContain("[]");
	}

	@Test
	void lambdaLogLevelSetsTheRootLevel(CapturedOutput output) throws Exception {
		try (ConfigurableApplicationContext context = run("AWS_LAMBDA_LOG_LEVEL=WARN")) {
			this.emulator.invoke(InvocationRequest.builder("\"quiet\"").build()).get(30, TimeUnit.SECONDS);
		}
		assertThat(output.getOut()).doesNotContain("logged by the function: quiet").doesNotContain("Serving function");
	}

	private ConfigurableApplicationContext run(String... properties) {
		return new SpringApplicationBuilder(Logging.class).web(WebApplicationType.NONE)
			.properties("AWS_LAMBDA_RUNTIME_API=" + this.emulator.runtimeApi(), "spring.main.banner-mode=off")
			.properties(properties)
			.run();
	}

	private static JsonNode record(CapturedOutput output, String messageStart) {
		String line = output.getOut()
			.lines()
			.filter((candidate) -> candidate.startsWith("{") && candidate.contains(messageStart))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No JSON record starting '" + messageStart + "' in:\n" + output));
		JsonNode record = JsonMapper.shared().readTree(line);
		assertThat(record.get("message").asString()).startsWith(messageStart);
		return record;
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Logging {

		private static final Logger logger = LoggerFactory.getLogger(Logging.class);

		@Bean
		Function<String, String> logging() {
			return (event) -> {
				logger.info("logged by the function: {}", event);
				if (event.equals("fail")) {
					throw new IllegalStateException("failed on purpose");
				}
				return event;
			};
		}

	}

}

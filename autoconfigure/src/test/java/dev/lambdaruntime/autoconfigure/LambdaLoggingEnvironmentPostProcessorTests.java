package dev.lambdaruntime.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LambdaLoggingEnvironmentPostProcessor}: when lines get the request id prefix,
 * which follows the same rule as the loop itself.
 */
class LambdaLoggingEnvironmentPostProcessorTests {

	private static final String CORRELATION_PATTERN = "logging.pattern.correlation";

	private final MockEnvironment environment = new MockEnvironment();

	@Test
	void runtimeApiVariablePrefixesLinesWithTheRequestId() {
		postProcess("AWS_LAMBDA_RUNTIME_API=127.0.0.1:9001");
		assertThat(this.environment.getProperty(CORRELATION_PATTERN)).contains("%X{AWSRequestId}");
	}

	@Test
	void runtimeApiPropertyPrefixesLinesWithTheRequestId() {
		postProcess("lambda.runtime.api=127.0.0.1:9001");
		assertThat(this.environment.getProperty(CORRELATION_PATTERN)).contains("%X{AWSRequestId}");
	}

	@Test
	void whenTheLoopIsDisabledLinesAreLeftAlone() {
		postProcess("AWS_LAMBDA_RUNTIME_API=127.0.0.1:9001", "lambda.runtime.enabled=false");
		assertThat(this.environment.containsProperty(CORRELATION_PATTERN)).isFalse();
	}

	@Test
	void withoutARuntimeApiLinesAreLeftAlone() {
		postProcess();
		assertThat(this.environment.containsProperty(CORRELATION_PATTERN)).isFalse();
	}

	@Test
	void theApplicationsOwnCorrelationPatternWins() {
		postProcess("AWS_LAMBDA_RUNTIME_API=127.0.0.1:9001", CORRELATION_PATTERN + "=[%X{traceId}] ");
		assertThat(this.environment.getProperty(CORRELATION_PATTERN)).isEqualTo("[%X{traceId}] ");
	}

	private void postProcess(String... properties) {
		for (String property : properties) {
			int equals = property.indexOf('=');
			this.environment.setProperty(property.substring(0, equals), property.substring(equals + 1));
		}
		new LambdaLoggingEnvironmentPostProcessor().postProcessEnvironment(this.environment, new SpringApplication());
	}

}

package dev.lambdaruntime.emulator.launcher;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RuntimeProcessVariablesTest {

	private final RuntimeProcessVariables environment = new RuntimeProcessVariables("127.0.0.1:9001", "orders", "$LATEST", 512,
			"bootstrap", null, Path.of("/var/task"));

	@Test
	void variablesAreThoseLambdaSets() {
		assertThat(this.environment.variables(Map.of(), Map.of())).containsEntry("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:9001")
			.containsEntry("AWS_LAMBDA_FUNCTION_NAME", "orders")
			.containsEntry("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST")
			.containsEntry("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512")
			.containsEntry("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/orders")
			.containsEntry("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand")
			.containsEntry("AWS_REGION", "us-east-1")
			.containsEntry("AWS_DEFAULT_REGION", "us-east-1")
			.containsEntry("AWS_EXECUTION_ENV", "AWS_Lambda_provided.al2023")
			.containsEntry("_HANDLER", "bootstrap")
			.containsEntry("LAMBDA_TASK_ROOT", "/var/task")
			.containsEntry("LAMBDA_RUNTIME_DIR", "/var/task")
			.containsEntry("TZ", ":UTC")
			.doesNotContainKey("AWS_LAMBDA_MAX_CONCURRENCY");
	}

	@Test
	void eachRunHasALogStreamOfItsOwn() {
		String first = this.environment.variables(Map.of(), Map.of()).get("AWS_LAMBDA_LOG_STREAM_NAME");
		String second = this.environment.variables(Map.of(), Map.of()).get("AWS_LAMBDA_LOG_STREAM_NAME");

		assertThat(first).matches("\\d{4}/\\d{2}/\\d{2}/\\[\\$LATEST][0-9a-f]{32}").isNotEqualTo(second);
	}

	@Test
	void regionAlreadySetIsKept() {
		assertThat(this.environment.variables(Map.of(), Map.of("AWS_REGION", "eu-west-1")))
			.containsEntry("AWS_REGION", "eu-west-1")
			.containsEntry("AWS_DEFAULT_REGION", "eu-west-1");
	}

	@Test
	void versionIsTheConfiguredOne() {
		RuntimeProcessVariables published = new RuntimeProcessVariables("127.0.0.1:9001", "orders", "7", 512,
				"bootstrap", null, Path.of("/var/task"));

		assertThat(published.variables(Map.of(), Map.of())).containsEntry("AWS_LAMBDA_FUNCTION_VERSION", "7")
			.hasEntrySatisfying("AWS_LAMBDA_LOG_STREAM_NAME", (stream) -> assertThat(stream).contains("/[7]"));
	}

	@Test
	void maxConcurrencyIsPassedWhenSet() {
		RuntimeProcessVariables concurrent = new RuntimeProcessVariables("127.0.0.1:9001", "orders", "$LATEST", 512, "bootstrap", 4,
				Path.of("/var/task"));

		assertThat(concurrent.variables(Map.of(), Map.of())).containsEntry("AWS_LAMBDA_MAX_CONCURRENCY", "4");
	}

	@Test
	void functionVariablesArePassedUnderThoseLambdaSets() {
		assertThat(this.environment.variables(Map.of("GREETING", "hello", "AWS_LAMBDA_FUNCTION_NAME", "other"), Map.of()))
			.containsEntry("GREETING", "hello")
			.containsEntry("AWS_LAMBDA_FUNCTION_NAME", "orders");
	}

}

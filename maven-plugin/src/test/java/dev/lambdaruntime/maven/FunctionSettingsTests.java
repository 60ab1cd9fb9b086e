package dev.lambdaruntime.maven;

import java.util.Map;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.Architecture;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;
import software.amazon.awssdk.services.lambda.model.FunctionCode;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionConfigurationRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FunctionSettings}.
 */
class FunctionSettingsTests {

	private static final String ROLE = "arn:aws:iam::123456789012:role/greeter";

	@Test
	void aFunctionIsCreatedForProvidedAl2023WithHandlerBootstrapAndEverySetting() {
		FunctionCode code = FunctionCode.builder().s3Bucket("bundles").s3Key("greeter/function.zip").build();
		CreateFunctionRequest request = new FunctionSettings("greeter", ROLE, 1024, 60, Architecture.ARM64,
				Map.of("GREETING", "Hello"), "Says hello", Map.of("team", "lambda"))
			.createRequest(code);
		assertThat(request.functionName()).isEqualTo("greeter");
		assertThat(request.role()).isEqualTo(ROLE);
		assertThat(request.runtime()).isEqualTo(Runtime.PROVIDED_AL2023);
		assertThat(request.handler()).isEqualTo("bootstrap");
		assertThat(request.architectures()).containsExactly(Architecture.ARM64);
		assertThat(request.memorySize()).isEqualTo(1024);
		assertThat(request.timeout()).isEqualTo(60);
		assertThat(request.environment().variables()).containsExactlyEntriesOf(Map.of("GREETING", "Hello"));
		assertThat(request.description()).isEqualTo("Says hello");
		assertThat(request.tags()).containsExactlyEntriesOf(Map.of("team", "lambda"));
		assertThat(request.code()).isSameAs(code);
	}

	@Test
	void anUpdateSetsTheWholeConfigurationAgainButKeepsTheRoleWhenNoneIsGiven() {
		UpdateFunctionConfigurationRequest request = new FunctionSettings("greeter", null, 512, 30,
				Architecture.X86_64, Map.of(), null, Map.of())
			.updateConfigurationRequest();
		assertThat(request.functionName()).isEqualTo("greeter");
		assertThat(request.role()).isNull();
		assertThat(request.runtime()).isEqualTo(Runtime.PROVIDED_AL2023);
		assertThat(request.handler()).isEqualTo("bootstrap");
		assertThat(request.memorySize()).isEqualTo(512);
		assertThat(request.timeout()).isEqualTo(30);
		assertThat(request.environment().hasVariables()).isTrue();
		assertThat(request.environment().variables()).isEmpty();
		assertThat(request.description()).isEmpty();
	}

}

package dev.lambdaruntime.maven;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.lambda.model.Architecture;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;
import software.amazon.awssdk.services.lambda.model.FunctionCode;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionConfigurationRequest;

/**
 * The function that the deploy goal declares: what it creates, and what it sets again on each
 * update, so the function's configuration is the one in the build. Runtime {@code provided.al2023}
 * and handler {@code bootstrap}, as the bundle is made for.
 *
 * @param name the function's name
 * @param role the execution role's ARN; needed to create, kept as it is on update when null
 * @param memory the memory in MB
 * @param timeout the timeout in seconds
 * @param architecture the instruction set of the bundle's Java runtime
 * @param environment the function's environment variables, all of them
 * @param description the description, or null for none
 * @param tags the tags to put on the function
 */
record FunctionSettings(String name, @Nullable String role, int memory, int timeout, Architecture architecture,
		Map<String, String> environment, @Nullable String description, Map<String, String> tags) {

	static final String HANDLER = "bootstrap";

	/**
	 * The request that creates the function.
	 * @param code where the bundle is
	 * @return the request
	 */
	CreateFunctionRequest createRequest(FunctionCode code) {
		return CreateFunctionRequest.builder()
			.functionName(this.name)
			.role(this.role)
			.runtime(Runtime.PROVIDED_AL2023)
			.handler(HANDLER)
			.architectures(this.architecture)
			.memorySize(this.memory)
			.timeout(this.timeout)
			.environment((environment) -> environment.variables(this.environment))
			.description(this.description)
			.tags(this.tags.isEmpty() ? null : this.tags)
			.code(code)
			.build();
	}

	/**
	 * The request that sets the configuration of an existing function: the same runtime, handler,
	 * memory, timeout, environment and description as on create, and the role when one is given.
	 * @return the request
	 */
	UpdateFunctionConfigurationRequest updateConfigurationRequest() {
		return UpdateFunctionConfigurationRequest.builder()
			.functionName(this.name)
			.role(this.role)
			.runtime(Runtime.PROVIDED_AL2023)
			.handler(HANDLER)
			.memorySize(this.memory)
			.timeout(this.timeout)
			.environment((environment) -> environment.variables(this.environment))
			.description((this.description != null) ? this.description : "")
			.build();
	}

}

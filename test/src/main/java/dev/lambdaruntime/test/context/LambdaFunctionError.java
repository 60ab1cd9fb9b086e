package dev.lambdaruntime.test.context;

import java.util.List;
import java.util.Optional;

import dev.lambdaruntime.emulator.InvocationResult;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How the function failed an invocation: the error the runtime posted to the Runtime API, or the
 * emulator's own {@code Sandbox.Timedout} error when the invocation timed out.
 *
 * @param requestId the invocation's request id
 * @param category the {@code Lambda-Runtime-Function-Error-Type} the runtime sent, such as
 * {@code Runtime.UserException} or {@code Runtime.UnmarshalError}; {@code null} if it sent none
 * @param errorType the error body's {@code errorType}, usually the exception's class name; empty
 * if the body has none
 * @param errorMessage the error body's {@code errorMessage}, or the whole body if it is not a JSON
 * object
 * @param stackTrace the error body's {@code stackTrace}, one frame per element
 * @since 0.1.0
 */
public record LambdaFunctionError(String requestId, @Nullable String category, String errorType, String errorMessage,
		List<String> stackTrace) {

	/**
	 * Reads the error out of the result of an invocation that failed.
	 * @param result the result, as {@link LambdaTestClient#invokeRaw(String)} returns it
	 * @return the error
	 * @throws IllegalArgumentException if the invocation did not fail
	 */
	public static LambdaFunctionError from(InvocationResult result) {
		if (!result.isError()) {
			throw new IllegalArgumentException("Invocation " + result.requestId() + " did not fail");
		}
		return jsonObject(result.payload())
			.map((body) -> new LambdaFunctionError(result.requestId(), result.errorType(),
					body.path("errorType").asString(""), body.path("errorMessage").asString(""),
					body.path("stackTrace").valueStream().map((frame) -> frame.asString("")).toList()))
			.orElseGet(() -> new LambdaFunctionError(result.requestId(), result.errorType(), "",
					result.payloadAsString(), List.of()));
	}

	private static Optional<JsonNode> jsonObject(byte[] payload) {
		try {
			return Optional.of(JsonMapper.shared().readTree(payload)).filter(JsonNode::isObject);
		}
		catch (JacksonException ex) {
			return Optional.empty();
		}
	}

}

package dev.lambdaruntime.emulator.invokeapi;

import java.io.IOException;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import dev.lambdaruntime.emulator.InvocationRequest;
import dev.lambdaruntime.emulator.http.PathSegmentDecoder;
import dev.lambdaruntime.emulator.http.QueryParameters;
import dev.lambdaruntime.emulator.http.RequestBody;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A call of the Lambda Invoke API, {@code POST /2015-03-31/functions/{name}/invocations}, read
 * completely off its exchange and checked as Lambda checks it.
 *
 * @param functionName the name, partial ARN or ARN in the path, decoded, without a qualifier
 * after a plain name
 * @param qualifier the version or alias, from the {@code Qualifier} parameter or the name
 * @param invocationType the {@code X-Amz-Invocation-Type}
 * @param clientContext the decoded {@code X-Amz-Client-Context}, as one line of JSON
 * @param tenantId the {@code X-Amz-Tenant-Id}
 * @param traceId the {@code X-Amzn-Trace-Id}
 * @param logTail whether {@code X-Amz-Log-Type: Tail} asks for the last 4 KB of the log
 * @param payload the event
 */
record InvokeApiRequest(String functionName, @Nullable String qualifier, InvocationType invocationType,
		@Nullable String clientContext, @Nullable String tenantId, @Nullable String traceId, boolean logTail,
		byte[] payload) {

	private static final Pattern PATH = Pattern.compile("/2015-03-31/functions/([^/]+)/invocations");

	/**
	 * Reads and checks a request.
	 * @param exchange the exchange
	 * @return the request
	 * @throws IOException if the body cannot be read
	 * @throws InvokeApiException if the Invoke API refuses the request
	 */
	static InvokeApiRequest read(HttpExchange exchange) throws IOException {
		RequestBody body = RequestBody.read(exchange.getRequestBody());
		Matcher path = PATH.matcher(exchange.getRequestURI().getRawPath());
		if (!exchange.getRequestMethod().equals("POST") || !path.matches()) {
			throw new InvokeApiException(404, "UnknownOperationException", "No Invoke API operation is "
					+ exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath());
		}
		if (body.tooLarge()) {
			throw new InvokeApiException(413, "RequestTooLargeException",
					"Request must be smaller than " + RequestBody.MAX_LENGTH + " bytes for the InvokeFunction operation");
		}
		requireJsonOrEmpty(body.bytes());
		String name = PathSegmentDecoder.decode(path.group(1));
		String qualifier = QueryParameters.first(exchange.getRequestURI().getRawQuery(), "Qualifier");
		int colon = name.indexOf(':');
		if (!name.startsWith("arn:") && colon >= 0) {
			qualifier = (qualifier != null) ? qualifier : name.substring(colon + 1);
			name = name.substring(0, colon);
		}
		Headers headers = exchange.getRequestHeaders();
		return new InvokeApiRequest(name, qualifier, InvocationType.of(headers.getFirst("X-Amz-Invocation-Type")),
				clientContext(headers.getFirst("X-Amz-Client-Context")), headers.getFirst("X-Amz-Tenant-Id"),
				headers.getFirst("X-Amzn-Trace-Id"), "Tail".equalsIgnoreCase(headers.getFirst("X-Amz-Log-Type")),
				body.bytes());
	}

	/**
	 * Returns the invocation to queue.
	 * @param defaultFunctionArn the emulator's function ARN, used unless an ARN was invoked, with the
	 * invoked name in place of its own
	 * @return the invocation request
	 */
	InvocationRequest toInvocationRequest(String defaultFunctionArn) {
		// a plain name takes the default ARN's place of the name, so the runtime sees which function was invoked
		String arn = this.functionName.startsWith("arn:") ? this.functionName
				: defaultFunctionArn.substring(0, defaultFunctionArn.lastIndexOf(':') + 1) + this.functionName;
		InvocationRequest.Builder request = InvocationRequest.builder(this.payload)
			.invokedFunctionArn((this.qualifier != null) ? arn + ":" + this.qualifier : arn);
		if (this.clientContext != null) {
			request.clientContext(this.clientContext);
		}
		if (this.tenantId != null) {
			request.tenantId(this.tenantId);
		}
		if (this.traceId != null) {
			request.traceId(this.traceId);
		}
		return request.build();
	}

	/**
	 * Refuses an event that is not JSON, as Lambda's Invoke API does; an empty one is allowed.
	 */
	private static void requireJsonOrEmpty(byte[] payload) {
		if (payload.length == 0) {
			return;
		}
		try {
			JsonMapper.shared().readTree(payload);
		}
		catch (JacksonException ex) {
			throw new InvokeApiException(400, "InvalidRequestContentException",
					"Could not parse request body into json: " + ex.getOriginalMessage());
		}
	}

	private static @Nullable String clientContext(@Nullable String base64) {
		if (base64 == null) {
			return null;
		}
		try {
			JsonNode json = JsonMapper.shared().readTree(Base64.getDecoder().decode(base64.trim()));
			if (json.isObject()) {
				return JsonMapper.shared().writeValueAsString(json);
			}
		}
		catch (IllegalArgumentException | JacksonException ex) {
			// answered below
		}
		throw InvokeApiException.invalidParameter("Client context must be a valid Base64-encoded JSON object.");
	}

}

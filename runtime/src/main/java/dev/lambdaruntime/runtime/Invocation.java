package dev.lambdaruntime.runtime;

import org.jspecify.annotations.Nullable;

/**
 * One invocation as the Runtime API handed it out: its id, its deadline, the optional context
 * headers and the event's bytes, exactly as received.
 *
 * @param requestId the invocation's request id
 * @param deadlineMillis epoch milliseconds when the invocation times out, or 0 when unknown
 * @param invokedFunctionArn the ARN used to invoke the function
 * @param traceId the X-Ray trace header
 * @param clientContext the client context as JSON
 * @param cognitoIdentity the Cognito identity as JSON
 * @param tenantId the tenant id of a tenant-isolated function
 * @param payload the event's bytes
 * @since 0.1.0
 */
public record Invocation(String requestId, long deadlineMillis, @Nullable String invokedFunctionArn,
		@Nullable String traceId, @Nullable String clientContext, @Nullable String cognitoIdentity,
		@Nullable String tenantId, byte[] payload) {

	static Invocation from(HttpResponse response) throws RuntimeApiException {
		String requestId = response.header(HeaderNames.REQUEST_ID);
		if (requestId == null || requestId.isBlank()) {
			throw new RuntimeApiException(response.status(),
					"The Runtime API sent an invocation without a " + RuntimeApiProtocol.REQUEST_ID + " header");
		}
		return new Invocation(requestId, parseDeadline(response.header(HeaderNames.DEADLINE_MS)),
				response.header(HeaderNames.INVOKED_FUNCTION_ARN), response.header(HeaderNames.TRACE_ID),
				response.header(HeaderNames.CLIENT_CONTEXT), response.header(HeaderNames.COGNITO_IDENTITY),
				response.header(HeaderNames.TENANT_ID), response.body());
	}

	private static long parseDeadline(@Nullable String value) {
		if (value == null) {
			return 0;
		}
		try {
			return Math.max(0, Long.parseLong(value.trim()));
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

}

package dev.lambdaruntime.runtime;

/**
 * The paths and header names of the Lambda Runtime API, in one place.
 *
 * @since 0.1.0
 */
public final class RuntimeApiProtocol {

	/** Version prefix of every Runtime API path. */
	public static final String BASE_PATH = "/2018-06-01";

	/** Path of the call that waits for the next invocation. */
	public static final String NEXT_PATH = BASE_PATH + "/runtime/invocation/next";

	/** Path of the call that reports a failure to initialize. */
	public static final String INIT_ERROR_PATH = BASE_PATH + "/runtime/init/error";

	/** Path prefix of the per-invocation response and error calls. */
	public static final String INVOCATION_PATH = BASE_PATH + "/runtime/invocation/";

	/** Header naming the invocation's request id. */
	public static final String REQUEST_ID = "Lambda-Runtime-Aws-Request-Id";

	/** Header holding the invocation's deadline in epoch milliseconds. */
	public static final String DEADLINE_MS = "Lambda-Runtime-Deadline-Ms";

	/** Header holding the ARN used to invoke the function. */
	public static final String INVOKED_FUNCTION_ARN = "Lambda-Runtime-Invoked-Function-Arn";

	/** Header holding the X-Ray trace header. */
	public static final String TRACE_ID = "Lambda-Runtime-Trace-Id";

	/** Header holding the mobile SDK client context as JSON. */
	public static final String CLIENT_CONTEXT = "Lambda-Runtime-Client-Context";

	/** Header holding the Cognito identity as JSON. */
	public static final String COGNITO_IDENTITY = "Lambda-Runtime-Cognito-Identity";

	/** Header holding the tenant id of a tenant-isolated function. */
	public static final String TENANT_ID = "Lambda-Runtime-Aws-Tenant-Id";

	/** Header naming the category of a reported error. */
	public static final String FUNCTION_ERROR_TYPE = "Lambda-Runtime-Function-Error-Type";

	/** Trailer holding the base64-encoded JSON error of a stream that failed midway. */
	public static final String FUNCTION_ERROR_BODY = "Lambda-Runtime-Function-Error-Body";

	/** Header that selects the response mode of an invocation response. */
	public static final String RESPONSE_MODE = "Lambda-Runtime-Function-Response-Mode";

	/** The streaming response mode. */
	public static final String STREAMING = "streaming";

	/** Content type of a Function URL response: JSON prelude, eight NUL bytes, then the body. */
	public static final String HTTP_INTEGRATION_RESPONSE = "application/vnd.awslambda.http-integration-response";

	/** Content type of error bodies, as the Java managed runtime sends them. */
	public static final String ERROR_CONTENT_TYPE = "application/json";

	/** Environment variable holding the Runtime API's {@code host:port}. */
	public static final String RUNTIME_API_VARIABLE = "AWS_LAMBDA_RUNTIME_API";

	/** System property the X-Ray SDK reads the trace header from. */
	public static final String TRACE_HEADER_PROPERTY = "com.amazonaws.xray.traceHeader";

	/** MDC key holding the request id during an invocation, as the managed runtime names it. */
	public static final String MDC_REQUEST_ID = "AWSRequestId";

	private RuntimeApiProtocol() {
	}

	static String responsePath(String requestId) {
		return INVOCATION_PATH + PathSegment.encode(requestId) + "/response";
	}

	static String errorPath(String requestId) {
		return INVOCATION_PATH + PathSegment.encode(requestId) + "/error";
	}

}

package dev.lambdaruntime.emulator;

/**
 * Names of the Runtime API's own headers.
 */
final class RuntimeApiHeaders {

	static final String REQUEST_ID = "Lambda-Runtime-Aws-Request-Id";

	static final String DEADLINE_MS = "Lambda-Runtime-Deadline-Ms";

	static final String INVOKED_FUNCTION_ARN = "Lambda-Runtime-Invoked-Function-Arn";

	static final String TRACE_ID = "Lambda-Runtime-Trace-Id";

	static final String CLIENT_CONTEXT = "Lambda-Runtime-Client-Context";

	static final String COGNITO_IDENTITY = "Lambda-Runtime-Cognito-Identity";

	static final String TENANT_ID = "Lambda-Runtime-Aws-Tenant-Id";

	static final String FUNCTION_ERROR_TYPE = "Lambda-Runtime-Function-Error-Type";

	private RuntimeApiHeaders() {
	}

}

package dev.lambdaruntime.emulator.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * An error of the AWS Lambda API (Invoke or control plane) in the form the AWS SDKs and CLI
 * parse: the error code in {@code X-Amzn-ErrorType}, and {@code {"Type","message"}} as the body.
 *
 * @param status the HTTP status
 * @param errorType the error code, such as {@code ResourceNotFoundException}
 * @param message what went wrong
 */
public record ApiError(int status, String errorType, String message) {

	/** The header that carries the request id of every answer of the Lambda API. */
	public static final String REQUEST_ID = "X-Amzn-Requestid";

	/**
	 * Returns the headers of the answer.
	 * @return the content type, a request id and the error code
	 */
	public Map<String, String> headers() {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Content-Type", JsonBodies.CONTENT_TYPE);
		headers.put(REQUEST_ID, UUID.randomUUID().toString());
		headers.put("X-Amzn-ErrorType", this.errorType);
		return headers;
	}

	/**
	 * Returns the body of the answer.
	 * @return {@code {"Type","message"}}, the type {@code User} for a 4xx status, else {@code Service}
	 */
	public byte[] body() {
		return JsonBodies.apiError((this.status < 500) ? "User" : "Service", this.message);
	}

}

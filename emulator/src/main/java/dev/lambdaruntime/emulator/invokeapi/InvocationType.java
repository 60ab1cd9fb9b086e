package dev.lambdaruntime.emulator.invokeapi;

import org.jspecify.annotations.Nullable;

/**
 * The kinds of invocation the Invoke API's {@code X-Amz-Invocation-Type} header asks for.
 */
enum InvocationType {

	/** Wait for the function and answer with its payload (the default). */
	REQUEST_RESPONSE("RequestResponse"),

	/** Queue the event and answer at once with 202. */
	EVENT("Event"),

	/** Check the request and answer with 204, invoking nothing. */
	DRY_RUN("DryRun");

	/** The header that names the invocation type. */
	static final String HEADER = "X-Amz-Invocation-Type";

	private final String headerValue;

	InvocationType(String headerValue) {
		this.headerValue = headerValue;
	}

	/**
	 * Reads the header.
	 * @param headerValue the header's value, or {@code null} when absent
	 * @return the invocation type
	 * @throws InvokeApiException if the value names no invocation type
	 */
	static InvocationType of(@Nullable String headerValue) {
		if (headerValue == null) {
			return REQUEST_RESPONSE;
		}
		for (InvocationType type : values()) {
			if (type.headerValue.equals(headerValue)) {
				return type;
			}
		}
		throw InvokeApiException.invalidParameter("X-Amz-Invocation-Type must be RequestResponse, Event or DryRun, not "
				+ headerValue);
	}

}

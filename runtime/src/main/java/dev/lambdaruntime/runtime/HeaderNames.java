package dev.lambdaruntime.runtime;

import java.util.Locale;

/**
 * The lower-case names of the response headers the runtime reads, so that reading a response
 * and looking up its headers allocate no lower-cased copy of a name they know.
 */
final class HeaderNames {

	static final String REQUEST_ID = lower(RuntimeApiProtocol.REQUEST_ID);

	static final String DEADLINE_MS = lower(RuntimeApiProtocol.DEADLINE_MS);

	static final String INVOKED_FUNCTION_ARN = lower(RuntimeApiProtocol.INVOKED_FUNCTION_ARN);

	static final String TRACE_ID = lower(RuntimeApiProtocol.TRACE_ID);

	static final String CLIENT_CONTEXT = lower(RuntimeApiProtocol.CLIENT_CONTEXT);

	static final String COGNITO_IDENTITY = lower(RuntimeApiProtocol.COGNITO_IDENTITY);

	static final String TENANT_ID = lower(RuntimeApiProtocol.TENANT_ID);

	static final String CONTENT_LENGTH = "content-length";

	static final String TRANSFER_ENCODING = "transfer-encoding";

	static final String CONNECTION = "connection";

	private static final String[] KNOWN = { REQUEST_ID, DEADLINE_MS, INVOKED_FUNCTION_ARN, TRACE_ID, CLIENT_CONTEXT,
			COGNITO_IDENTITY, TENANT_ID, CONTENT_LENGTH, TRANSFER_ENCODING, CONNECTION, "content-type", "date" };

	private HeaderNames() {
	}

	/** The lower-case name of the header line's first {@code length} characters. */
	static String of(String line, int length) {
		for (String known : KNOWN) {
			if (known.length() == length && line.regionMatches(true, 0, known, 0, length)) {
				return known;
			}
		}
		return line.substring(0, length).trim().toLowerCase(Locale.ROOT);
	}

	/** The name in lower case, the same string when it is already. */
	static String lower(String name) {
		for (int i = 0; i < name.length(); i++) {
			if (Character.isUpperCase(name.charAt(i))) {
				return name.toLowerCase(Locale.ROOT);
			}
		}
		return name;
	}

}

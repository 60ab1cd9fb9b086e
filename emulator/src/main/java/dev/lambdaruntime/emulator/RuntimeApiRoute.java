package dev.lambdaruntime.emulator;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Which Runtime API operation a request calls, worked out from its method and its path, where
 * anything before {@code /2018-06-01/} is ignored.
 *
 * @param operation the operation
 * @param path the path from {@code /2018-06-01/} on, or the whole path if it has no such part
 * @param requestId the decoded request id, for the response and error operations
 */
record RuntimeApiRoute(Operation operation, String path, @Nullable String requestId) {

	private static final String BASE_PATH = "/2018-06-01/";

	private static final String NEXT_PATH = BASE_PATH + "runtime/invocation/next";

	private static final String INIT_ERROR_PATH = BASE_PATH + "runtime/init/error";

	private static final Pattern ANSWER_PATH = Pattern
		.compile(Pattern.quote(BASE_PATH + "runtime/invocation/") + "([^/]+)/(response|error)");

	/**
	 * The operations of the Runtime API, and {@link #NOT_FOUND} for anything else.
	 */
	enum Operation {

		NEXT, RESPONSE, ERROR, INIT_ERROR, NOT_FOUND

	}

	static RuntimeApiRoute resolve(String method, String rawPath) {
		int base = rawPath.indexOf(BASE_PATH);
		String path = (base < 0) ? rawPath : rawPath.substring(base);
		boolean get = method.equals("GET");
		boolean post = method.equals("POST");
		if (get && path.equals(NEXT_PATH)) {
			return new RuntimeApiRoute(Operation.NEXT, path, null);
		}
		if (post && path.equals(INIT_ERROR_PATH)) {
			return new RuntimeApiRoute(Operation.INIT_ERROR, path, null);
		}
		Matcher answer = ANSWER_PATH.matcher(path);
		if (post && answer.matches()) {
			Operation operation = answer.group(2).equals("response") ? Operation.RESPONSE : Operation.ERROR;
			return new RuntimeApiRoute(operation, path, PathSegment.decode(answer.group(1)));
		}
		return new RuntimeApiRoute(Operation.NOT_FOUND, path, null);
	}

}

package dev.lambdaruntime.emulator.runtimeapi;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.lambdaruntime.emulator.http.PathSegmentDecoder;
import dev.lambdaruntime.runtime.RuntimeApiProtocol;
import org.jspecify.annotations.Nullable;

/**
 * Which Runtime API operation a request calls, worked out from its method and its path, where
 * anything before {@code /2018-06-01/} is ignored.
 *
 * @param operation the operation
 * @param path the path from {@code /2018-06-01/} on, or the whole path if it has no such part
 * @param requestId the decoded request id, for the response and error operations
 * @param allowedMethod for a known path called with another method, the method it takes (the
 * answer is then 405, as Lambda's); else {@code null}
 */
record RuntimeApiRoute(RuntimeApiOperation operation, String path, @Nullable String requestId,
		@Nullable String allowedMethod) {

	private static final String BASE_PATH = RuntimeApiProtocol.BASE_PATH + "/";

	private static final Pattern ANSWER_PATH = Pattern
		.compile(Pattern.quote(RuntimeApiProtocol.INVOCATION_PATH) + "([^/]+)/(response|error)");

	static RuntimeApiRoute resolve(String method, String rawPath) {
		int base = rawPath.indexOf(BASE_PATH);
		String path = (base < 0) ? rawPath : rawPath.substring(base);
		if (path.equals(RuntimeApiProtocol.NEXT_PATH)) {
			return called(method, "GET", RuntimeApiOperation.NEXT, path, null);
		}
		if (path.equals(RuntimeApiProtocol.INIT_ERROR_PATH)) {
			return called(method, "POST", RuntimeApiOperation.INIT_ERROR, path, null);
		}
		Matcher answer = ANSWER_PATH.matcher(path);
		if (answer.matches()) {
			RuntimeApiOperation operation = answer.group(2).equals("response") ? RuntimeApiOperation.RESPONSE
					: RuntimeApiOperation.ERROR;
			return called(method, "POST", operation, path, PathSegmentDecoder.decode(answer.group(1)));
		}
		return new RuntimeApiRoute(RuntimeApiOperation.NOT_FOUND, path, null, null);
	}

	private static RuntimeApiRoute called(String method, String allowedMethod, RuntimeApiOperation operation,
			String path, @Nullable String requestId) {
		return method.equals(allowedMethod) ? new RuntimeApiRoute(operation, path, requestId, null)
				: new RuntimeApiRoute(RuntimeApiOperation.NOT_FOUND, path, null, allowedMethod);
	}

}

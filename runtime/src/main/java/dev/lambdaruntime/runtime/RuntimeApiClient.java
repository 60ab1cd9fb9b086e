package dev.lambdaruntime.runtime;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.jspecify.annotations.Nullable;

/**
 * The four calls of the Lambda Runtime API over one keep-alive connection: next invocation,
 * invocation response, invocation error and init error. HTTP only: what to do with an answer is
 * the caller's business.
 *
 * @since 0.1.0
 */
public final class RuntimeApiClient implements Closeable {

	private static final String[] NO_HEADERS = {};

	private static final String[] JSON_HEADERS = { "Content-Type", "application/json" };

	private final String pathPrefix;

	private final HttpConnection connection;

	private RuntimeApiClient(String host, int port, String pathPrefix) {
		this.pathPrefix = pathPrefix;
		this.connection = new HttpConnection(host, port);
	}

	/**
	 * A client for the Runtime API at {@code host:port}, optionally followed by a path prefix, as
	 * {@code AWS_LAMBDA_RUNTIME_API} holds it.
	 */
	public static RuntimeApiClient forAddress(String address) {
		String trimmed = address.trim();
		if (trimmed.startsWith("http://")) {
			trimmed = trimmed.substring("http://".length());
		}
		int slash = trimmed.indexOf('/');
		String authority = (slash < 0) ? trimmed : trimmed.substring(0, slash);
		String prefix = (slash < 0) ? "" : trimmed.substring(slash).replaceAll("/+$", "");
		int colon = authority.lastIndexOf(':');
		if (colon <= 0 || colon == authority.length() - 1 || authority.indexOf(']') > colon) {
			throw new IllegalArgumentException("The Runtime API address '" + address + "' is not host:port[/prefix]");
		}
		String host = authority.substring(0, colon).replace("[", "").replace("]", "");
		int port;
		try {
			port = Integer.parseInt(authority.substring(colon + 1));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("The Runtime API address '" + address + "' has no numeric port");
		}
		if (port < 1 || port > 65535) {
			throw new IllegalArgumentException("The Runtime API address '" + address + "' has no valid port");
		}
		return new RuntimeApiClient(host, port, prefix);
	}

	/** Waits, without a time limit, for the next invocation. */
	Invocation next() throws IOException {
		HttpResponse response = this.connection.exchange("GET", this.pathPrefix + RuntimeApiProtocol.NEXT_PATH,
				NO_HEADERS, null);
		if (response.status() != 200) {
			throw failure("next invocation", response);
		}
		return Invocation.from(response);
	}

	/** Posts an invocation's response. */
	void postResponse(String requestId, byte[] body) throws IOException {
		expectAccepted("invocation response",
				this.connection.exchange("POST", this.pathPrefix + RuntimeApiProtocol.responsePath(requestId),
						JSON_HEADERS, body));
	}

	/**
	 * Opens an invocation's streamed response: a chunked {@code POST} in streaming mode that
	 * declares the error trailers, sent as the body is written.
	 */
	ChunkedRequestBody openStreamedResponse(String requestId, String contentType) {
		return this.connection.openChunked("POST", this.pathPrefix + RuntimeApiProtocol.responsePath(requestId),
				new String[] { "Content-Type", headerValue(contentType), RuntimeApiProtocol.RESPONSE_MODE,
						RuntimeApiProtocol.STREAMING, "Trailer",
						RuntimeApiProtocol.FUNCTION_ERROR_TYPE + ", " + RuntimeApiProtocol.FUNCTION_ERROR_BODY });
	}

	/** Ends a streamed response, with the error trailers when it failed midway. */
	void finishStreamedResponse(ChunkedRequestBody body, @Nullable LambdaError error) throws IOException {
		String[] trailers = (error != null) ? new String[] { RuntimeApiProtocol.FUNCTION_ERROR_TYPE,
				headerValue(error.category()), RuntimeApiProtocol.FUNCTION_ERROR_BODY,
				Base64.getEncoder().encodeToString(error.toJson()) } : NO_HEADERS;
		expectAccepted("streamed invocation response", body.finish(trailers));
	}

	/** Posts an invocation's error. */
	void postError(String requestId, LambdaError error) throws IOException {
		expectAccepted("invocation error", this.connection.exchange("POST",
				this.pathPrefix + RuntimeApiProtocol.errorPath(requestId), errorHeaders(error), error.toJson()));
	}

	/** Reports that the function could not be initialized. */
	public void postInitError(LambdaError error) throws IOException {
		expectAccepted("init error", this.connection.exchange("POST",
				this.pathPrefix + RuntimeApiProtocol.INIT_ERROR_PATH, errorHeaders(error), error.toJson()));
	}

	private static String[] errorHeaders(LambdaError error) {
		return new String[] { "Content-Type", RuntimeApiProtocol.ERROR_CONTENT_TYPE,
				RuntimeApiProtocol.FUNCTION_ERROR_TYPE, headerValue(error.category()) };
	}

	private static String headerValue(String value) {
		return value.replaceAll("[^\\x20-\\x7e]", "_");
	}

	private static void expectAccepted(String call, HttpResponse response) throws RuntimeApiException {
		if (!response.isSuccessful()) {
			throw failure(call, response);
		}
	}

	private static RuntimeApiException failure(String call, HttpResponse response) {
		String body = new String(response.body(), 0, Math.min(response.body().length, 512), StandardCharsets.UTF_8);
		return new RuntimeApiException(response.status(),
				"The Runtime API answered " + response.status() + " to " + call + ": " + body);
	}

	/**
	 * Fails the call in progress, in any thread, at once; later calls open a new connection, so
	 * that an invocation received just before can still be answered.
	 */
	void interrupt() {
		this.connection.interrupt();
	}

	/** Closes the connection for good; a call blocked on it, in any thread, fails at once. */
	@Override
	public void close() {
		this.connection.close();
	}

}

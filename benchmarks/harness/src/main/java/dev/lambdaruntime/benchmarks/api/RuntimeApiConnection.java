package dev.lambdaruntime.benchmarks.api;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import dev.lambdaruntime.benchmarks.wire.HttpHead;
import dev.lambdaruntime.benchmarks.wire.HttpInput;
import dev.lambdaruntime.benchmarks.wire.HttpOutput;
import dev.lambdaruntime.runtime.RuntimeApiProtocol;
import org.jspecify.annotations.Nullable;

/**
 * Serves the Runtime API's four calls on one keep-alive connection until the peer closes it or
 * the thread is interrupted.
 */
final class RuntimeApiConnection {

	private static final String ERROR_TYPE_HEADER = RuntimeApiProtocol.FUNCTION_ERROR_TYPE.toLowerCase(Locale.ROOT);

	private static final String FUNCTION_ARN = "arn:aws:lambda:us-east-1:123456789012:function:checkout-benchmark";

	private static final long DEADLINE_MILLIS = 15 * 60 * 1000;

	private static final String[] JSON = { "Content-Type", "application/json" };

	private static final byte[] ACCEPTED = "{\"status\":\"OK\"}".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] NOT_FOUND = "{\"errorType\":\"NotFound\"}".getBytes(StandardCharsets.US_ASCII);

	private final Socket socket;

	private final LambdaService service;

	RuntimeApiConnection(Socket socket, LambdaService service) {
		this.socket = socket;
		this.service = service;
	}

	void serve() {
		try (Socket socket = this.socket) {
			HttpInput in = new HttpInput(socket.getInputStream());
			HttpOutput out = new HttpOutput(socket.getOutputStream());
			HttpHead head = in.readHead();
			while (head != null) {
				serve(head, in, out);
				head = head.closesConnection() ? null : in.readHead();
			}
		}
		catch (IOException | InterruptedException ex) {
			// the peer went away or the API closes: the connection ends
		}
	}

	private void serve(HttpHead head, HttpInput in, HttpOutput out) throws IOException, InterruptedException {
		String path = head.target();
		if ("GET".equals(head.method()) && RuntimeApiProtocol.NEXT_PATH.equals(path)) {
			PendingInvocation invocation = this.service.next();
			out.write("HTTP/1.1 200 OK", nextHeaders(invocation), invocation.event());
			return;
		}
		if (head.expectsContinue()) {
			out.writeContinue();
		}
		byte[] body = in.readBody(head);
		long receivedNanos = System.nanoTime();
		Runnable delivery = delivery(head, path, body, receivedNanos);
		if (delivery == null) {
			out.write("HTTP/1.1 404 Not Found", JSON, NOT_FOUND);
			return;
		}
		out.write("HTTP/1.1 202 Accepted", JSON, ACCEPTED);
		delivery.run();
	}

	private @Nullable Runnable delivery(HttpHead head, String path, byte[] body, long receivedNanos) {
		if (!"POST".equals(head.method())) {
			return null;
		}
		String errorType = head.header(ERROR_TYPE_HEADER);
		if (RuntimeApiProtocol.INIT_ERROR_PATH.equals(path)) {
			return () -> this.service.initError(errorType, body);
		}
		if (!path.startsWith(RuntimeApiProtocol.INVOCATION_PATH)) {
			return null;
		}
		int slash = path.indexOf('/', RuntimeApiProtocol.INVOCATION_PATH.length());
		if (slash < 0) {
			return null;
		}
		String requestId = path.substring(RuntimeApiProtocol.INVOCATION_PATH.length(), slash);
		return switch (path.substring(slash + 1)) {
			case "response" -> () -> this.service.response(requestId, body, receivedNanos);
			case "error" -> () -> this.service.error(requestId, errorType, body);
			default -> null;
		};
	}

	private static String[] nextHeaders(PendingInvocation invocation) {
		return new String[] { "Content-Type", "application/json", RuntimeApiProtocol.REQUEST_ID,
				invocation.requestId(), RuntimeApiProtocol.DEADLINE_MS,
				Long.toString(System.currentTimeMillis() + DEADLINE_MILLIS), RuntimeApiProtocol.INVOKED_FUNCTION_ARN,
				FUNCTION_ARN, RuntimeApiProtocol.TRACE_ID, invocation.traceId() };
	}

}

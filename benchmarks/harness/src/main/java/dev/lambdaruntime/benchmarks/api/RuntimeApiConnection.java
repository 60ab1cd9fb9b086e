package dev.lambdaruntime.benchmarks.api;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import dev.lambdaruntime.benchmarks.wire.HttpHead;
import dev.lambdaruntime.benchmarks.wire.HttpInput;
import dev.lambdaruntime.benchmarks.wire.HttpOutput;
import org.jspecify.annotations.Nullable;

/**
 * Serves the Runtime API's four calls on one keep-alive connection until the peer closes it or
 * the thread is interrupted.
 */
final class RuntimeApiConnection {

	private static final String BASE_PATH = "/2018-06-01/runtime/";

	private static final String INVOCATION_PATH = BASE_PATH + "invocation/";

	private static final String NEXT_PATH = INVOCATION_PATH + "next";

	private static final String INIT_ERROR_PATH = BASE_PATH + "init/error";

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
		if ("GET".equals(head.method()) && NEXT_PATH.equals(path)) {
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
		String errorType = head.header("lambda-runtime-function-error-type");
		if (INIT_ERROR_PATH.equals(path)) {
			return () -> this.service.initError(errorType, body);
		}
		if (!path.startsWith(INVOCATION_PATH)) {
			return null;
		}
		int slash = path.indexOf('/', INVOCATION_PATH.length());
		if (slash < 0) {
			return null;
		}
		String requestId = path.substring(INVOCATION_PATH.length(), slash);
		return switch (path.substring(slash + 1)) {
			case "response" -> () -> this.service.response(requestId, body, receivedNanos);
			case "error" -> () -> this.service.error(requestId, errorType, body);
			default -> null;
		};
	}

	private static String[] nextHeaders(PendingInvocation invocation) {
		return new String[] { "Content-Type", "application/json", "Lambda-Runtime-Aws-Request-Id",
				invocation.requestId(), "Lambda-Runtime-Deadline-Ms",
				Long.toString(System.currentTimeMillis() + DEADLINE_MILLIS), "Lambda-Runtime-Invoked-Function-Arn",
				FUNCTION_ARN, "Lambda-Runtime-Trace-Id", invocation.traceId() };
	}

}

package dev.lambdaruntime.benchmarks.jmh;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.function.UnaryOperator;

import dev.lambdaruntime.runtime.RuntimeApiProtocol;

/**
 * The floor runtime's next, handle, respond on the JDK's {@link HttpClient} (HTTP/1.1, one
 * keep-alive connection) instead of a raw socket: what the core's own HTTP client is measured
 * against, in the same run.
 */
final class JdkHttpClientRuntime {

	private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final String base;

	private final HttpRequest next;

	private final UnaryOperator<byte[]> handler;

	JdkHttpClientRuntime(String address, UnaryOperator<byte[]> handler) {
		this.base = "http://" + address;
		this.next = HttpRequest.newBuilder(URI.create(this.base + RuntimeApiProtocol.NEXT_PATH)).GET().build();
		this.handler = handler;
	}

	/** One invocation: next, handle, respond. */
	void invokeOnce() throws IOException {
		HttpResponse<byte[]> event = send(this.next, BodyHandlers.ofByteArray());
		String requestId = event.headers()
			.firstValue(RuntimeApiProtocol.REQUEST_ID)
			.orElseThrow(() -> new IOException("No request id"));
		HttpRequest response = HttpRequest
			.newBuilder(URI.create(this.base + RuntimeApiProtocol.INVOCATION_PATH + requestId + "/response"))
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofByteArray(this.handler.apply(event.body())))
			.build();
		HttpResponse<Void> accepted = send(response, BodyHandlers.discarding());
		if (accepted.statusCode() != 202) {
			throw new IOException("The Runtime API answered " + accepted.statusCode() + " to the response");
		}
	}

	private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) throws IOException {
		try {
			return this.client.send(request, body);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("Interrupted");
		}
	}

}

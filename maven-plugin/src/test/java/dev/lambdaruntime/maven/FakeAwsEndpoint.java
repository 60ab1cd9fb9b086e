package dev.lambdaruntime.maven;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;

/**
 * An HTTP endpoint on loopback that answers the AWS SDK with canned answers per route
 * ({@code "GET /2015-03-31/functions/greeter"}), the last one of a route repeating, and records
 * every request, so tests see what the real SDK sends and how it reads AWS's answers. A request
 * to a route without answers gets an error the test fails on.
 */
final class FakeAwsEndpoint implements AutoCloseable {

	private final HttpServer server;

	private final Map<String, Deque<Answer>> answers = new ConcurrentHashMap<>();

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	FakeAwsEndpoint() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	URI uri() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
	}

	/**
	 * Answers a route with these answers in turn, then with the last one.
	 */
	void answer(String route, Answer... answers) {
		this.answers.put(route, new ArrayDeque<>(List.of(answers)));
	}

	List<Request> requests() {
		return List.copyOf(this.requests);
	}

	List<String> routes() {
		return this.requests.stream().map(Request::route).toList();
	}

	Request request(String route) {
		return this.requests.stream().filter((request) -> request.route().equals(route)).findFirst().orElseThrow();
	}

	private void handle(HttpExchange exchange) throws IOException {
		String route = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		this.requests.add(new Request(route, body));
		Deque<Answer> queue = this.answers.get(route);
		Answer answer = (queue == null) ? Answer.error(400, "NoAnswerInTheTestFor " + route)
				: (queue.size() > 1) ? queue.poll() : queue.peek();
		if (answer.errorType() != null) {
			exchange.getResponseHeaders().add("x-amzn-ErrorType", answer.errorType());
		}
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(answer.status(), (bytes.length == 0) ? -1 : bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	/**
	 * A request the endpoint received.
	 */
	record Request(String route, String body) {
	}

	/**
	 * A canned answer: a status, a JSON body, and the AWS error type of an error.
	 */
	record Answer(int status, String body, @Nullable String errorType) {

		static Answer ok(String json) {
			return new Answer(200, json, null);
		}

		static Answer error(int status, String errorType) {
			return new Answer(status, "{\"Type\":\"User\",\"Message\":\"" + errorType + " in the test\"}", errorType);
		}

	}

}

package dev.lambdaruntime.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A scripted Runtime API on the JDK's {@link HttpServer}, bound to 127.0.0.1 on a random port, for
 * answers the emulator never gives (500 on next, 413 on a response, no request id...). Each
 * request is recorded, then answered by the test's {@link Answerer}.
 */
final class StubRuntimeApi implements AutoCloseable {

	private final HttpServer server;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();

	private final List<Request> all = new ArrayList<>();

	private final CountDownLatch closing = new CountDownLatch(1);

	private final AtomicInteger nextCalls = new AtomicInteger();

	private final Answerer answerer;

	private StubRuntimeApi(Answerer answerer) throws IOException {
		this.answerer = answerer;
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.setExecutor(this.executor);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	static StubRuntimeApi start(Answerer answerer) throws IOException {
		return new StubRuntimeApi(answerer);
	}

	/** The {@code host:port} of this stub, as {@code AWS_LAMBDA_RUNTIME_API} would hold it. */
	String address() {
		return "127.0.0.1:" + this.server.getAddress().getPort();
	}

	/** The next recorded request, waiting up to ten seconds for it. */
	Request takeRequest() throws InterruptedException {
		Request request = this.requests.poll(10, TimeUnit.SECONDS);
		if (request == null) {
			throw new AssertionError("The stub received no request within 10 s");
		}
		return request;
	}

	/** Every request received so far, in order. */
	List<Request> requests() {
		synchronized (this.all) {
			return List.copyOf(this.all);
		}
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			byte[] body;
			try (InputStream in = exchange.getRequestBody()) {
				body = in.readAllBytes();
			}
			Map<String, String> headers = new HashMap<>();
			exchange.getRequestHeaders()
				.forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(", ", values)));
			Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), headers,
					body, exchange.getRemoteAddress().getPort(),
					exchange.getRequestURI().getRawPath().endsWith("/next") ? this.nextCalls.incrementAndGet() : 0);
			synchronized (this.all) {
				this.all.add(request);
			}
			this.requests.add(request);
			Answer answer = this.answerer.answer(request);
			if (answer == null) {
				// never answer: hold the exchange until the stub closes
				this.closing.await();
				return;
			}
			answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
			byte[] responseBody = answer.body();
			exchange.sendResponseHeaders(answer.status(), (responseBody.length == 0) ? -1 : responseBody.length);
			if (responseBody.length > 0) {
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(responseBody);
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		this.closing.countDown();
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	/** Decides the answer to a request; {@code null} holds the request unanswered. */
	@FunctionalInterface
	interface Answerer {

		Answer answer(Request request);

		/** Answers {@code next} calls with {@code nexts} and anything else with 202. */
		static Answerer nextThen(Function<Integer, Answer> nexts) {
			return (request) -> request.isNext() ? nexts.apply(request.nextNumber()) : Answer.accepted();
		}

	}

	/** One answer. */
	record Answer(int status, Map<String, String> headers, byte[] body) {

		static Answer accepted() {
			return new Answer(202, Map.of(), "{\"status\":\"OK\"}".getBytes(StandardCharsets.UTF_8));
		}

		static Answer status(int status, String body) {
			return new Answer(status, Map.of("Content-Type", "application/json"), body.getBytes(StandardCharsets.UTF_8));
		}

		static Answer event(String requestId, String body) {
			return new Answer(200, Map.of("Lambda-Runtime-Aws-Request-Id", requestId, "Lambda-Runtime-Deadline-Ms",
					Long.toString(System.currentTimeMillis() + 60_000)), body.getBytes(StandardCharsets.UTF_8));
		}

	}

	/** One recorded request; header names are lower case. */
	record Request(String method, String rawPath, Map<String, String> headers, byte[] body, int remotePort,
			int nextNumber) {

		boolean isNext() {
			return this.rawPath.endsWith("/runtime/invocation/next");
		}

		String header(String name) {
			return this.headers.get(name.toLowerCase(Locale.ROOT));
		}

		String bodyText() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

	}

}

package dev.lambdaruntime.runtime;

import java.io.IOException;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.LongStream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

import dev.lambdaruntime.runtime.RawHttpPeer.Connection;
import dev.lambdaruntime.runtime.RawHttpPeer.Request;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Property-based tests of the loop: random sequences of good events, bad events, failing and
 * slow functions, and Runtime API faults, down to the bytes and the connection: closes and
 * resets after a body, responses framed only by the end of the stream, repeated headers. Every
 * delivered invocation is answered exactly once on the wire, the loop exits exactly when the
 * Runtime API says it must or when an answer's fate is unknown, and otherwise stays alive. Each
 * script comes from a seed, named in the test's display name, so any failure can be replayed.
 */
class RuntimeLoopPropertyTests {

	private static final int SCRIPTS = 200;

	private static final int MAX_STEPS = 25;

	private static final LambdaEnvironment ENVIRONMENT = new LambdaEnvironment("property", "1", 256, null, null);

	private final Logger loopLogger = (Logger) LoggerFactory.getLogger(RuntimeLoop.class);

	private final ListAppender<ILoggingEvent> loopLog = new ListAppender<>();

	/** The loop's warnings and errors are expected here: kept from the build's output, and checked. */
	@BeforeEach
	void captureTheLoopsLog() {
		this.loopLog.start();
		this.loopLogger.addAppender(this.loopLog);
		this.loopLogger.setAdditive(false);
	}

	@AfterEach
	void releaseTheLoopsLog() {
		this.loopLogger.detachAppender(this.loopLog);
		this.loopLogger.setAdditive(true);
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void everyDeliveredInvocationIsAnsweredExactlyOnceOnTheWireUnlessTheRuntimeExits(long seed) throws Exception {
		List<Step> script = script(new Random(seed));
		try (ScriptedRuntimeApi api = new ScriptedRuntimeApi(script)) {
			RuntimeLoop loop = new RuntimeLoop(RuntimeApiClient.forAddress("127.0.0.1:" + api.port()), api::handle,
					ENVIRONMENT, InvocationMode.SINGLE);
			CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(loop::run);
			int fatalAt = firstFatalStep(script);
			if (fatalAt < 0) {
				await().atMost(Duration.ofSeconds(20))
					.pollInterval(Duration.ofMillis(2))
					.until(() -> api.nextCalls() == script.size() + 1);
				assertThat(exit).as("alive while waiting for the next event").isNotDone();
				loop.stop();
				assertThat(exit.get(5, TimeUnit.SECONDS)).isEqualTo(RuntimeLoop.STOPPED);
			}
			else {
				assertThat(exit.get(20, TimeUnit.SECONDS)).isEqualTo(RuntimeLoop.FAILED);
			}
			Map<String, Integer> answers = new HashMap<>();
			for (int i = 0; i < script.size() && (fatalAt < 0 || i <= fatalAt); i++) {
				if (script.get(i).fault().delivers()) {
					answers.put("req-" + i, 0);
				}
			}
			for (String id : api.answeredIds()) {
				assertThat(answers).as("answer to an invocation never delivered: %s", id).containsKey(id);
				answers.merge(id, 1, Integer::sum);
			}
			assertThat(answers).as("answers on the wire per delivered invocation").allSatisfy((id, count) -> assertThat(count).as(id).isOne());
			assertThat(api.invocations()).as("function calls per delivered invocation").isEqualTo(answers);
			assertThat(api.nextCalls()).isEqualTo((fatalAt < 0) ? script.size() + 1 : fatalAt + 1);
			List<String> exits = this.loopLog.list.stream()
				.filter((event) -> event.getLevel() == Level.ERROR)
				.map(ILoggingEvent::getFormattedMessage)
				.toList();
			if (fatalAt < 0) {
				assertThat(exits).isEmpty();
			}
			else {
				assertThat(exits).singleElement(as(InstanceOfAssertFactories.STRING))
					.startsWith("Lambda runtime exits: ")
					.contains(script.get(fatalAt).fault().exitReason());
			}
		}
	}

	static LongStream seeds() {
		return new Random().longs(SCRIPTS);
	}

	/** One to 25 steps of any kind; most answered normally, some with a fault, a few fatal. */
	private static List<Step> script(Random random) {
		List<Step> script = new ArrayList<>();
		int length = 1 + random.nextInt(MAX_STEPS);
		Fault[] faults = Fault.values();
		for (int i = 0; i < length; i++) {
			Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
			int roll = random.nextInt(40 + 3 * faults.length);
			Fault fault = (roll < 40) ? Fault.NONE : faults[(roll - 40) / 3];
			script.add(new Step(kind, fault));
		}
		return script;
	}

	private static int firstFatalStep(List<Step> script) {
		for (int i = 0; i < script.size(); i++) {
			if (script.get(i).fault().fatal()) {
				return i;
			}
		}
		return -1;
	}

	enum Kind {

		GOOD, BAD_EVENT, THROWS, ERROR, SLOW

	}

	/**
	 * What the Runtime API does wrong at one step, whether the function gets the event, and,
	 * when the loop must end there, part of the reason it gives.
	 */
	enum Fault {

		NONE(true, null),

		/** The answer is refused with 400. */
		ANSWER_REFUSED(true, null),

		/** The answer meets a 500: the loop must end. */
		ANSWER_CONTAINER_ERROR(true, "answered 500 to invocation"),

		/** Next answers 500: the loop must end, nothing delivered. */
		NEXT_CONTAINER_ERROR(false, "answered 500 to next invocation"),

		/** The server reads the whole answer, then closes without a reply: its fate is unknown. */
		CLOSE_AFTER_ANSWER_BODY(true, "Connection closed by the Runtime API"),

		/** The server reads the whole answer, then resets the connection without a reply. */
		RESET_AFTER_ANSWER_BODY(true, "Connection reset"),

		/** The event's body is followed by a close, once the function has the event. */
		CLOSE_AFTER_EVENT_BODY(true, null),

		/** The event's body is followed by a reset, once the function has the event. */
		RESET_AFTER_EVENT_BODY(true, null),

		/** The 202 for the answer is followed by a close. */
		CLOSE_AFTER_ACCEPTED_BODY(true, null),

		/** The event comes with neither length nor chunking, ended by a close. */
		UNFRAMED_EVENT(true, null),

		/** The 202 comes with neither length nor chunking, ended by a close. */
		UNFRAMED_ACCEPTED(true, null),

		/** The event repeats one header name a few times, and its Content-Length. */
		REPEATED_HEADERS(true, null),

		/** The event repeats one header name thousands of times: refused, nothing delivered. */
		HEADER_FLOOD(false, "More than 200 HTTP header lines");

		private final boolean delivers;

		private final @Nullable String exitReason;

		Fault(boolean delivers, @Nullable String exitReason) {
			this.delivers = delivers;
			this.exitReason = exitReason;
		}

		boolean fatal() {
			return this.exitReason != null;
		}

		String exitReason() {
			return Objects.requireNonNull(this.exitReason);
		}

		boolean delivers() {
			return this.delivers;
		}

	}

	record Step(Kind kind, Fault fault) {
	}

	/**
	 * A Runtime API on a raw socket that plays a script: the n-th next call gets step n's event,
	 * and each answer is met with its step's fault. It records the answers it read whole.
	 */
	private static final class ScriptedRuntimeApi implements AutoCloseable {

		private static final String ACCEPTED = "HTTP/1.1 202 Accepted\r\nContent-Length: 15\r\n\r\n{\"status\":\"OK\"}";

		private final List<Step> script;

		private final RawHttpPeer peer;

		private final AtomicInteger nextCalls = new AtomicInteger();

		private final List<String> answeredIds = new ArrayList<>();

		private final Map<String, Integer> invocations = new ConcurrentHashMap<>();

		private final Map<Integer, CountDownLatch> received = new ConcurrentHashMap<>();

		private final Map<Integer, CountDownLatch> hungUp = new ConcurrentHashMap<>();

		private final Thread acceptor;

		ScriptedRuntimeApi(List<Step> script) throws IOException {
			this.script = script;
			this.peer = new RawHttpPeer();
			for (int i = 0; i < script.size(); i++) {
				this.received.put(i, new CountDownLatch(1));
				this.hungUp.put(i, new CountDownLatch(1));
			}
			this.acceptor = new Thread(this::accept, "scripted-runtime-api");
			this.acceptor.setDaemon(true);
			this.acceptor.start();
		}

		int port() {
			return this.peer.port();
		}

		int nextCalls() {
			return this.nextCalls.get();
		}

		List<String> answeredIds() {
			synchronized (this.answeredIds) {
				return List.copyOf(this.answeredIds);
			}
		}

		Map<String, Integer> invocations() {
			return Map.copyOf(this.invocations);
		}

		/** The function: waits, for a fault after the event's body, until the server hung up. */
		InvocationResponse handle(Invocation invocation, InvocationContext context) throws InterruptedException {
			this.invocations.merge(invocation.requestId(), 1, Integer::sum);
			int index = Integer.parseInt(invocation.requestId().substring("req-".length()));
			this.received.get(index).countDown();
			Fault fault = this.script.get(index).fault();
			if (fault == Fault.CLOSE_AFTER_EVENT_BODY || fault == Fault.RESET_AFTER_EVENT_BODY) {
				assertThat(this.hungUp.get(index).await(10, TimeUnit.SECONDS)).isTrue();
			}
			return switch (Kind.valueOf(new String(invocation.payload(), StandardCharsets.UTF_8))) {
				case GOOD -> InvocationResponse.of(invocation.payload());
				case BAD_EVENT -> throw new InvalidEventException("bad event", null);
				case THROWS -> throw new IllegalStateException("function failed");
				case ERROR -> throw new AssertionError("function broke");
				case SLOW -> {
					LockSupport.parkNanos(Duration.ofMillis(3).toNanos());
					yield InvocationResponse.of(invocation.payload());
				}
			};
		}

		private void accept() {
			while (true) {
				Connection connection;
				try {
					connection = this.peer.accept();
				}
				catch (SocketException ex) {
					return; // closed
				}
				catch (IOException ex) {
					continue; // no connection for a while
				}
				Thread serving = new Thread(() -> serve(connection), "scripted-connection");
				serving.setDaemon(true);
				serving.start();
			}
		}

		/** Serves requests on one connection until a fault or the client ends it. */
		private void serve(Connection connection) {
			try {
				while (true) {
					Request request = connection.readRequest();
					String path = request.requestLine().split(" ")[1];
					boolean keepGoing = path.endsWith("/next") ? serveNext(connection) : serveAnswer(connection, path);
					if (!keepGoing) {
						return;
					}
				}
			}
			catch (IOException | InterruptedException ex) {
				// the client went away, or the test ended
			}
		}

		private boolean serveNext(Connection connection) throws IOException, InterruptedException {
			int index = this.nextCalls.getAndIncrement();
			if (index >= this.script.size()) {
				return false; // hold the last next unanswered
			}
			Step step = this.script.get(index);
			String head = "HTTP/1.1 200 OK\r\nLambda-Runtime-Aws-Request-Id: req-" + index
					+ "\r\nLambda-Runtime-Deadline-Ms: " + (System.currentTimeMillis() + 60_000) + "\r\n";
			String body = step.kind().name();
			switch (step.fault()) {
				case NEXT_CONTAINER_ERROR -> connection
					.write("HTTP/1.1 500 Internal Server Error\r\nContent-Length: 25\r\n\r\n{\"errorType\":\"Container\"}");
				case UNFRAMED_EVENT -> {
					connection.write(head + "\r\n" + body);
					connection.close();
					return false;
				}
				case REPEATED_HEADERS -> connection.write(head + "X-Repeated: a\r\n".repeat(20) + "Content-Length: "
						+ body.length() + "\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
				case HEADER_FLOOD -> connection.write(head + "X-Repeated: a\r\n".repeat(3_000) + "Content-Length: "
						+ body.length() + "\r\n\r\n" + body);
				case CLOSE_AFTER_EVENT_BODY, RESET_AFTER_EVENT_BODY -> {
					connection.write(head + "Content-Length: " + body.length() + "\r\n\r\n" + body);
					this.received.get(index).await(10, TimeUnit.SECONDS);
					if (step.fault() == Fault.CLOSE_AFTER_EVENT_BODY) {
						connection.close();
					}
					else {
						connection.reset();
					}
					this.hungUp.get(index).countDown();
					return false;
				}
				default -> connection.write(head + "Content-Length: " + body.length() + "\r\n\r\n" + body);
			}
			return true;
		}

		private boolean serveAnswer(Connection connection, String path) throws IOException {
			String id = path.split("/")[4];
			synchronized (this.answeredIds) {
				this.answeredIds.add(id);
			}
			Fault fault = this.script.get(Integer.parseInt(id.substring("req-".length()))).fault();
			switch (fault) {
				case ANSWER_REFUSED -> connection
					.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 32\r\n\r\n{\"errorType\":\"InvalidRequestID\"}");
				case ANSWER_CONTAINER_ERROR -> connection
					.write("HTTP/1.1 500 Internal Server Error\r\nContent-Length: 25\r\n\r\n{\"errorType\":\"Container\"}");
				case CLOSE_AFTER_ANSWER_BODY -> {
					connection.close();
					return false;
				}
				case RESET_AFTER_ANSWER_BODY -> {
					connection.reset();
					return false;
				}
				case CLOSE_AFTER_ACCEPTED_BODY -> {
					connection.write(ACCEPTED);
					connection.close();
					return false;
				}
				case UNFRAMED_ACCEPTED -> {
					connection.write("HTTP/1.1 202 Accepted\r\n\r\n{\"status\":\"OK\"}");
					connection.close();
					return false;
				}
				default -> connection.write(ACCEPTED);
			}
			return true;
		}

		@Override
		public void close() throws IOException {
			this.peer.close();
		}

	}

}

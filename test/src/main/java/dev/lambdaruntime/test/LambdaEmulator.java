package dev.lambdaruntime.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process AWS Lambda Runtime API on {@code 127.0.0.1}, for testing a runtime: queue events
 * with {@code invoke} and await the results the runtime posts back. An invocation's timeout starts
 * when a runtime receives its event. Unless already set, the system property
 * {@code sun.net.httpserver.nodelay} is set to {@code true} so that answers are not delayed.
 *
 * @since 0.1.0
 */
public final class LambdaEmulator implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(LambdaEmulator.class);

	private static final String HOST = "127.0.0.1";

	private static final String ARN_PREFIX = "arn:aws:lambda:us-east-1:000000000000:function:";

	private static final String NO_DELAY_PROPERTY = "sun.net.httpserver.nodelay";

	static {
		// The JDK's HttpServer writes an answer's headers and body separately: without TCP_NODELAY,
		// Nagle and delayed ACKs hold every answer back ~40 ms. The server reads this property once.
		if (System.getProperty(NO_DELAY_PROPERTY) == null) {
			System.setProperty(NO_DELAY_PROPERTY, "true");
		}
	}

	private final Duration timeout;

	private final String invokedFunctionArn;

	private final InvocationQueue queue = new InvocationQueue();

	private final InvocationRegistry invocations = new InvocationRegistry();

	private final EventLog<InitError> initErrors = new EventLog<>();

	private final EventLog<RecordedExchange> exchanges = new EventLog<>();

	private final AtomicBoolean closed = new AtomicBoolean();

	private final HttpServer server;

	private final ExecutorService requestThreads;

	private final ScheduledThreadPoolExecutor timer;

	private LambdaEmulator(Builder builder) {
		this.timeout = builder.timeout;
		this.invokedFunctionArn = ARN_PREFIX + builder.functionName;
		this.server = bind(builder.port);
		this.requestThreads = Executors.newCachedThreadPool(daemonThreads("lambda-emulator-request-"));
		this.timer = new ScheduledThreadPoolExecutor(1, daemonThreads("lambda-emulator-timer-"));
		this.timer.setRemoveOnCancelPolicy(true);
		this.server.createContext("/",
				new RuntimeApiHandler(new NextInvocationEndpoint(this.queue, this.timer),
						new InvocationAnswerEndpoint(this.invocations), new InitErrorEndpoint(this.initErrors),
						this.exchanges));
		this.server.setExecutor(this.requestThreads);
		this.server.start();
		logger.debug("Lambda Runtime API emulator listening on {}", runtimeApi());
	}

	/**
	 * Starts an emulator on a random port, with a 300 second timeout and the function name
	 * {@code function}.
	 * @return the running emulator
	 */
	public static LambdaEmulator start() {
		return builder().build();
	}

	/**
	 * Starts configuring an emulator.
	 * @return a builder with the defaults of {@link #start()}
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Returns the value for {@code AWS_LAMBDA_RUNTIME_API}.
	 * @return {@code 127.0.0.1:<port>}
	 */
	public String runtimeApi() {
		return HOST + ":" + port();
	}

	/**
	 * Returns the port the emulator listens on.
	 * @return the port
	 */
	public int port() {
		return this.server.getAddress().getPort();
	}

	/**
	 * Queues an invocation for the runtime's next {@code next} call.
	 * @param request the event and its details
	 * @return the result, completed when the runtime answers or the invocation times out, or
	 * completed exceptionally if the emulator closes first
	 * @throws IllegalArgumentException if an invocation with the same request id has not ended
	 * @throws IllegalStateException if the emulator is closed
	 */
	public CompletableFuture<InvocationResult> invoke(InvocationRequest request) {
		Invocation invocation = new Invocation(request, request.invokedFunctionArn().orElse(this.invokedFunctionArn),
				request.timeout().orElse(this.timeout));
		this.invocations.add(invocation);
		try {
			this.queue.add(invocation);
		}
		catch (IllegalStateException ex) {
			invocation.abort(ex);
			throw ex;
		}
		return invocation.result().copy();
	}

	/**
	 * Queues an invocation of a JSON event with default details.
	 * @param jsonEvent the event, sent as its UTF-8 bytes
	 * @return the result, as for {@link #invoke(InvocationRequest)}
	 */
	public CompletableFuture<InvocationResult> invoke(String jsonEvent) {
		return invoke(InvocationRequest.of(jsonEvent));
	}

	/**
	 * Queues an invocation of an event with default details.
	 * @param event the event bytes
	 * @return the result, as for {@link #invoke(InvocationRequest)}
	 */
	public CompletableFuture<InvocationResult> invoke(byte[] event) {
		return invoke(InvocationRequest.builder(event).build());
	}

	/**
	 * Returns the initialization errors the runtime reported so far.
	 * @return a snapshot, oldest first
	 */
	public List<InitError> initErrors() {
		return this.initErrors.snapshot();
	}

	/**
	 * Returns every Runtime API request answered so far, recorded before its answer was written.
	 * @return a snapshot, oldest first
	 */
	public List<RecordedExchange> exchanges() {
		return this.exchanges.snapshot();
	}

	/**
	 * Stops the emulator: unfinished invocations complete exceptionally and waiting {@code next}
	 * calls lose their connections.
	 */
	@Override
	public void close() {
		if (!this.closed.compareAndSet(false, true)) {
			return;
		}
		this.queue.close();
		this.invocations.abortAll(new IllegalStateException("The Lambda emulator closed before the invocation ended"));
		this.server.stop(0);
		this.requestThreads.shutdownNow();
		this.timer.shutdownNow();
		logger.debug("Lambda Runtime API emulator stopped");
	}

	private static HttpServer bind(int port) {
		try {
			return HttpServer.create(new InetSocketAddress(HOST, port), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot listen on " + HOST + ":" + port, ex);
		}
	}

	private static ThreadFactory daemonThreads(String namePrefix) {
		AtomicInteger count = new AtomicInteger();
		return (task) -> {
			Thread thread = new Thread(task, namePrefix + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

	/**
	 * Configures and starts a {@link LambdaEmulator}.
	 */
	public static final class Builder {

		private int port;

		private Duration timeout = Duration.ofSeconds(300);

		private String functionName = "function";

		private Builder() {
		}

		/**
		 * Sets the port to listen on.
		 * @param port the port, or 0 (the default) for a random free one
		 * @return this builder
		 */
		public Builder port(int port) {
			if (port < 0 || port > 65535) {
				throw new IllegalArgumentException("Not a port: " + port);
			}
			this.port = port;
			return this;
		}

		/**
		 * Sets the timeout of invocations that do not set their own.
		 * @param timeout a positive duration; 300 seconds by default
		 * @return this builder
		 */
		public Builder timeout(Duration timeout) {
			if (timeout.isNegative() || timeout.isZero()) {
				throw new IllegalArgumentException("The timeout must be positive, not " + timeout);
			}
			this.timeout = timeout;
			return this;
		}

		/**
		 * Sets the function name that the default invoked function ARN ends with.
		 * @param functionName letters, digits, hyphens and underscores; {@code function} by default
		 * @return this builder
		 */
		public Builder functionName(String functionName) {
			if (!functionName.matches("[A-Za-z0-9_-]+")) {
				throw new IllegalArgumentException("Not a Lambda function name: " + functionName);
			}
			this.functionName = functionName;
			return this;
		}

		/**
		 * Starts the emulator.
		 * @return the running emulator
		 * @throws UncheckedIOException if the port cannot be bound
		 */
		public LambdaEmulator build() {
			return new LambdaEmulator(this);
		}

	}

}

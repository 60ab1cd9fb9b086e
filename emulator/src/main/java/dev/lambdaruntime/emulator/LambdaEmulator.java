package dev.lambdaruntime.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.lambdaruntime.emulator.extensionsapi.ExtensionRegistry;
import dev.lambdaruntime.emulator.extensionsapi.ExtensionsApiHandler;
import dev.lambdaruntime.emulator.faults.FaultPlan;
import dev.lambdaruntime.emulator.faults.RuntimeApiFault;
import dev.lambdaruntime.emulator.http.ExchangeHandler;
import dev.lambdaruntime.emulator.http.HttpServers;
import dev.lambdaruntime.emulator.http.RequestGuard;
import dev.lambdaruntime.emulator.http.RequestThreads;
import dev.lambdaruntime.emulator.invocation.Durations;
import dev.lambdaruntime.emulator.invocation.EventLog;
import dev.lambdaruntime.emulator.invocation.ExecutionEnvironment;
import dev.lambdaruntime.emulator.invocation.HistoryEntry;
import dev.lambdaruntime.emulator.invocation.InvocationHistory;
import dev.lambdaruntime.emulator.invocation.InvocationIntake;
import dev.lambdaruntime.emulator.invocation.InvocationLog;
import dev.lambdaruntime.emulator.invocation.InvocationQueue;
import dev.lambdaruntime.emulator.invocation.InvocationRegistry;
import dev.lambdaruntime.emulator.invocation.PeakMemory;
import dev.lambdaruntime.emulator.invokeapi.InvokeEndpoint;
import dev.lambdaruntime.emulator.page.HistoryEndpoint;
import dev.lambdaruntime.emulator.page.PageEndpoint;
import dev.lambdaruntime.emulator.runtimeapi.RuntimeApiHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process AWS Lambda Runtime API on {@code 127.0.0.1}, for testing a runtime: queue events
 * with {@code invoke}, or through the Lambda Invoke API it serves on the same port
 * ({@code POST /2015-03-31/functions/{name}/invocations}), and await the results the runtime posts
 * back. A web page at {@link #pageUrl()} does the same for people: pick or edit an event, invoke,
 * see the answer and the recent invocations. An invocation's timeout starts when it is queued,
 * as Lambda's starts when the invoke arrives. Every path answers 403 to what a web page of
 * another site could send (a foreign {@code Host} or {@code Origin}); waiting events are bounded
 * by count and bytes. Each invocation's {@code START}, {@code END} and {@code REPORT} lines go to
 * the {@linkplain Builder#logOutput log output}, and the Extensions API serves extensions beside
 * the runtime.
 * <p>
 * The emulator serves on the JDK's HTTP server, which writes an answer's headers and body
 * separately and leaves {@code TCP_NODELAY} off unless the JVM runs with
 * {@code -Dsun.net.httpserver.nodelay=true}: without it, Nagle's algorithm and delayed ACKs hold
 * every answer back about 40 ms, so an invocation takes about 90 ms instead of one or two. The
 * emulator leaves the JVM's system properties alone; set this one for test JVMs (Surefire's
 * {@code systemPropertyVariables}, Gradle's {@code systemProperty}). The launcher's own JVM has it.
 *
 * @since 0.1.0
 */
public final class LambdaEmulator implements AutoCloseable {

	/** The function name unless another is set. */
	static final String DEFAULT_FUNCTION_NAME = "function";

	/** The function version unless another is set. */
	public static final String DEFAULT_FUNCTION_VERSION = "$LATEST";

	/** The handler setting unless another is set, as for a custom runtime. */
	public static final String DEFAULT_HANDLER = "bootstrap";

	/** The memory size in MB unless another is set. */
	public static final int DEFAULT_MEMORY_SIZE = 512;

	/** How many invocations may wait for the runtime unless another limit is set. */
	static final int DEFAULT_MAX_QUEUED_INVOCATIONS = 10_000;

	/** How many bytes of events may wait for the runtime unless another limit is set: 256 MB. */
	static final long DEFAULT_MAX_QUEUED_BYTES = 256L * 1024 * 1024;

	/** The invocation timeout unless another is set. */
	private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(300);

	private static final Logger logger = LoggerFactory.getLogger(LambdaEmulator.class);

	private static final String LOOPBACK = "127.0.0.1";

	/** The AWS region of the function's ARN unless another is set. */
	public static final String DEFAULT_REGION = "us-east-1";

	/** The AWS account id of the ARNs the emulator makes. */
	public static final String ACCOUNT_ID = "000000000000";

	/** How long closing waits for the output of a stopped runtime process to be read to its end. */
	private static final Duration OUTPUT_END_WAIT = Duration.ofSeconds(2);

	/**
	 * Request threads beyond those of waiting invokers and of the runtime's {@code next} calls:
	 * for the runtime's answers, asynchronous invocations and the page.
	 */
	private static final int RESERVED_REQUEST_THREADS = 256;

	private static final int EXCHANGES_KEPT = 1000;

	private static final int INIT_ERRORS_KEPT = 100;

	private final String functionName;

	private final InvocationQueue queue;

	private final InvocationRegistry invocations = new InvocationRegistry();

	private final InvocationIntake intake;

	private final ExecutionEnvironment environment;

	private final EventLog<InitError> initErrors = new EventLog<>(INIT_ERRORS_KEPT);

	private final EventLog<RecordedExchange> exchanges = new EventLog<>(EXCHANGES_KEPT);

	private final FaultPlan faults = new FaultPlan();

	private final PeakMemory peakMemory;

	private final InvocationLog log;

	private final ExtensionRegistry extensions = new ExtensionRegistry();

	private final AtomicBoolean closed = new AtomicBoolean();

	private final RuntimeApiHandler runtimeApi;

	private final InvocationHistory history;

	private final InvokeEndpoint invokeApi;

	private final HttpServer server;

	private final ExecutorService requestThreads;

	private final ScheduledThreadPoolExecutor timer;

	private LambdaEmulator(Builder builder) {
		this.functionName = builder.functionName;
		String functionArn = "arn:aws:lambda:" + builder.region + ":" + ACCOUNT_ID + ":function:" + builder.functionName;
		this.queue = new InvocationQueue(builder.maxConcurrency, builder.maxQueuedInvocations,
				builder.maxQueuedBytes);
		this.environment = new ExecutionEnvironment(this.queue);
		this.peakMemory = new PeakMemory(builder.memorySize);
		this.log = new InvocationLog(builder.logOutput, builder.functionVersion, builder.memorySize,
				this.peakMemory::megabytes);
		this.history = new InvocationHistory(this.log);
		this.timer = new ScheduledThreadPoolExecutor(1, HttpServers.daemonThreads("lambda-emulator-timer-"));
		this.timer.setRemoveOnCancelPolicy(true);
		this.intake = new InvocationIntake(this.queue, this.invocations, this.history, functionArn, builder.timeout,
				this.environment::timedOut, this.timer, this.log);
		this.server = HttpServers.bind(builder.host, builder.port);
		this.requestThreads = RequestThreads.create(InvokeEndpoint.MAX_WAITING_INVOKERS + RESERVED_REQUEST_THREADS
				+ builder.maxConcurrency, HttpServers.daemonThreads("lambda-emulator-request-"));
		this.runtimeApi = new RuntimeApiHandler(this.queue, this.invocations, this.environment,
				this.initErrors, this.exchanges, this.faults, this.extensions);
		RequestGuard guard = new RequestGuard(builder.host, this.server.getAddress());
		serve("/", PageEndpoint.withRootRedirect(this.runtimeApi), guard);
		this.invokeApi = new InvokeEndpoint(this.intake, functionArn);
		serve("/2015-03-31/functions/", this.invokeApi, guard);
		ExtensionsApiHandler extensionsApi = new ExtensionsApiHandler(this.extensions, builder.functionName,
				builder.functionVersion, builder.handler);
		ExtensionsApiHandler.PATHS.forEach((path) -> serve(path, extensionsApi, guard));
		serve(HistoryEndpoint.PATH, new HistoryEndpoint(this.history::summaries), guard);
		serve(PageEndpoint.PATH, new PageEndpoint(builder.functionName), guard);
		this.server.setExecutor(this.requestThreads);
		this.server.start();
		HttpServers.warnUnlessLoopback(builder.host, this.server.getAddress());
		logger.debug("Lambda emulator listening on {}", runtimeApi());
	}

	/**
	 * Starts an emulator on {@code 127.0.0.1} and a random port, with a 300 second timeout, the
	 * function name {@code function} and no concurrency limit.
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
	 * @return {@code 127.0.0.1:<port>}, or the address listened on when it is another one
	 */
	public String runtimeApi() {
		return HttpServers.authority(this.server.getAddress());
	}

	/**
	 * Returns the port the emulator listens on.
	 * @return the port
	 */
	public int port() {
		return this.server.getAddress().getPort();
	}

	/**
	 * Returns the URL that invokes the function through the Lambda Invoke API, as the Runtime
	 * Interface Emulator's does; the AWS CLI and SDKs reach it with the endpoint override
	 * {@code http://} followed by {@link #runtimeApi()}.
	 * @return {@code http://127.0.0.1:<port>/2015-03-31/functions/<name>/invocations}
	 */
	public String invokeUrl() {
		return "http://" + runtimeApi() + "/2015-03-31/functions/" + this.functionName + "/invocations";
	}

	/**
	 * Returns the URL of the emulator's web page, where a person picks or edits an event (from
	 * templates of AWS services' events, or ones saved in the browser), invokes the function and
	 * sees its answer or error and the recent invocations. {@code GET /} leads there too.
	 * @return {@code http://127.0.0.1:<port>/emulator/}
	 */
	public String pageUrl() {
		return "http://" + runtimeApi() + PageEndpoint.PATH;
	}

	/**
	 * Queues an invocation for the runtime's next {@code next} call.
	 * @param request the event and its details
	 * @return the result, completed when the runtime answers or the invocation times out, or
	 * completed exceptionally if the emulator closes first
	 * @throws IllegalArgumentException if an invocation with the same request id has not ended
	 * @throws IllegalStateException if the emulator is closed
	 * @throws java.util.concurrent.RejectedExecutionException if as many invocations as
	 * {@link Builder#maxQueuedInvocations(int)} allows are waiting for the runtime already, or as
	 * many bytes of events as {@link Builder#maxQueuedBytes(long)} allows would be
	 */
	public CompletableFuture<InvocationResult> invoke(InvocationRequest request) {
		return this.intake.invoke(request, this.functionName).copy();
	}

	/**
	 * Returns how long an invocation of a request may run before it times out.
	 * @param request the event and its details
	 * @return the request's own timeout, else the emulator's
	 */
	public Duration timeoutOf(InvocationRequest request) {
		return this.intake.timeoutOf(request);
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
	 * Serves one call of the Lambda Invoke API that arrived at another server, as the local Lambda
	 * service hands each function's invocations to that function's emulator.
	 * @param exchange a {@code POST /2015-03-31/functions/{name}/invocations} exchange, answered
	 * but not closed
	 * @throws IOException if the caller went away
	 */
	public void serveInvoke(HttpExchange exchange) throws IOException {
		this.invokeApi.serve(exchange);
	}

	/**
	 * Returns the recent invocations (the last 100), as the page shows them.
	 * @return their summaries, newest first
	 */
	public List<HistoryEntry.Summary> history() {
		return this.history.summaries();
	}

	/**
	 * Returns the initialization errors the runtime reported so far (the last 100).
	 * @return a snapshot, oldest first
	 */
	public List<InitError> initErrors() {
		return this.initErrors.snapshot();
	}

	/**
	 * Returns the Runtime API requests answered so far (the last 1,000), each recorded before its
	 * answer was written.
	 * @return a snapshot, oldest first
	 */
	public List<RecordedExchange> exchanges() {
		return this.exchanges.snapshot();
	}

	/**
	 * Returns how many responses and errors the runtime posted that were refused, because the
	 * invocation was already answered, had timed out or was unknown: a runtime that answers
	 * every invocation exactly once keeps this at zero, however many invocations it serves.
	 * @return the count since the emulator started
	 */
	public long refusedAnswers() {
		return this.runtimeApi.refusedAnswers();
	}

	/**
	 * Makes the Runtime API misbehave as the fault says, for as many calls as it says, after
	 * any fault injected before it.
	 * @param fault the fault
	 * @see RuntimeApiFault
	 */
	public void injectFault(RuntimeApiFault fault) {
		this.faults.add(fault);
	}

	/**
	 * Removes every injected fault that has not used up its strikes: the Runtime API behaves
	 * again. A call that a fault is delaying is still delayed.
	 */
	public void clearFaults() {
		this.faults.clear();
	}

	/**
	 * Stops the emulator: registered extensions get the {@code SHUTDOWN} event (closing waits up
	 * to 2 seconds for them to take it), unfinished invocations complete exceptionally and waiting
	 * {@code next} calls lose their connections.
	 */
	@Override
	public void close() {
		if (!this.closed.compareAndSet(false, true)) {
			return;
		}
		this.extensions.shutDown();
		// Connections close first: a client whose call is dropped, and retries, finds nothing listening
		this.server.stop(0);
		this.queue.close();
		this.invocations.abortAll(new IllegalStateException("The Lambda emulator closed before the invocation ended"));
		this.requestThreads.shutdownNow();
		this.timer.shutdownNow();
		this.log.awaitEndOfOutput(OUTPUT_END_WAIT);
		logger.debug("Lambda Runtime API emulator stopped");
	}

	/**
	 * Returns the function name, which the invoke URL and the default invoked function ARN carry,
	 * and a runtime's {@code AWS_LAMBDA_FUNCTION_NAME} should.
	 * @return the function name
	 */
	public String functionName() {
		return this.functionName;
	}

	/**
	 * Tells the emulator that the runtime process exited, for whoever runs it as a process (as
	 * {@link dev.lambdaruntime.emulator.launcher.LambdaEmulatorLauncher} does): the invocations
	 * handed to it fail with a {@code Runtime.ExitError}, as does the oldest waiting one if it
	 * died while initializing.
	 * @param cause how it ended, for the error message
	 * @return whether it had initialized; if not, start the next one only for an invocation
	 * @see #awaitQueuedInvocation()
	 */
	public boolean runtimeExited(String cause) {
		return this.environment.exited(cause);
	}

	/**
	 * Tells the emulator that a runtime process started, for whoever runs it as a process: its
	 * init duration is measured from now, and Max Memory Used is its peak memory from now on.
	 * @param pid its process id
	 */
	public void runtimeStarted(long pid) {
		this.environment.runtimeStarted();
		this.peakMemory.follow(pid);
	}

	/**
	 * Follows the output of a runtime process, for whoever runs it as a process, in a thread of
	 * its own until the process is gone: each line goes to the log output, and belongs to the
	 * invocation running, whose log the Invoke API's {@code X-Amz-Log-Result} and the history
	 * carry.
	 * @param output the file the process writes its standard output and error to (merged, as in
	 * Lambda), deleted once read to its end
	 * @param process the running process
	 */
	public void readRuntimeOutput(Path output, ProcessHandle process) {
		this.log.read(output, process::isAlive, "lambda-emulator-runtime-output-" + process.pid());
	}

	/**
	 * Sets what to do when an invocation times out, such as resetting the runtime process, as
	 * Lambda does.
	 * @param action run on the emulator's timer thread, so it must not block
	 */
	public void onInvocationTimeout(Runnable action) {
		this.environment.onTimeout(action);
	}

	/**
	 * Waits until an invocation is queued or the emulator closes, so that a runtime process that
	 * died while initializing is started again only for an invocation, as Lambda does.
	 * @throws InterruptedException if interrupted while waiting
	 */
	public void awaitQueuedInvocation() throws InterruptedException {
		this.queue.awaitWaiting();
	}

	/** Serves a path, and every path under it that no other serves, behind the guard. */
	private void serve(String path, ExchangeHandler.Action action, RequestGuard guard) {
		HttpServers.serve(this.server, path, action, guard);
	}

	/**
	 * Configures and starts a {@link LambdaEmulator}.
	 */
	public static final class Builder {

		private String host = LOOPBACK;

		private int port;

		private Duration timeout = DEFAULT_TIMEOUT;

		private String functionName = DEFAULT_FUNCTION_NAME;

		private String region = DEFAULT_REGION;

		private String functionVersion = DEFAULT_FUNCTION_VERSION;

		private int memorySize = DEFAULT_MEMORY_SIZE;

		private Consumer<String> logOutput = System.out::println;

		private String handler = DEFAULT_HANDLER;

		private int maxConcurrency = 1;

		private int maxQueuedInvocations = DEFAULT_MAX_QUEUED_INVOCATIONS;

		private long maxQueuedBytes = DEFAULT_MAX_QUEUED_BYTES;

		private Builder() {
		}

		/**
		 * Sets the address to listen on. Any address but a loopback one makes the emulator
		 * reachable from other machines, which it warns about: it has no authentication.
		 * @param host a host name or IP address; {@code 127.0.0.1} by default
		 * @return this builder
		 */
		public Builder host(String host) {
			this.host = host;
			return this;
		}

		/**
		 * Sets the port to listen on.
		 * @param port the port, or 0 (the default) for a random free one
		 * @return this builder
		 */
		public Builder port(int port) {
			this.port = HttpServers.requirePort(port);
			return this;
		}

		/**
		 * Sets the timeout of invocations that do not set their own.
		 * @param timeout a positive duration; 300 seconds by default
		 * @return this builder
		 */
		public Builder timeout(Duration timeout) {
			this.timeout = Durations.requirePositive(timeout, "timeout");
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
		 * Sets the function version that each invocation's {@code START} line names.
		 * @param functionVersion the version; {@code $LATEST} by default
		 * @return this builder
		 */
		public Builder functionVersion(String functionVersion) {
			this.functionVersion = functionVersion;
			return this;
		}

		/**
		 * Sets the memory size that each invocation's {@code REPORT} line names.
		 * @param memorySize megabytes, 128 to 10,240 as in Lambda; 512 by default
		 * @return this builder
		 */
		public Builder memorySize(int memorySize) {
			if (memorySize < 128 || memorySize > 10240) {
				throw new IllegalArgumentException("The memory size must be 128 to 10240 MB, not " + memorySize);
			}
			this.memorySize = memorySize;
			return this;
		}

		/**
		 * Sets where the function's log lines go: the {@code START}, {@code END} and
		 * {@code REPORT} lines of each invocation, as Lambda writes them, and the lines of the
		 * runtime's output read with {@link LambdaEmulator#readRuntimeOutput}.
		 * @param logOutput takes each line, without its line break; by default printed to
		 * {@code System.out}, as Lambda's and the Runtime Interface Emulator's
		 * @return this builder
		 */
		public Builder logOutput(Consumer<String> logOutput) {
			this.logOutput = logOutput;
			return this;
		}

		/**
		 * Sets the function's handler setting, which the Extensions API's register answer names.
		 * @param handler the handler; {@code bootstrap} by default, as for a custom runtime
		 * @return this builder
		 */
		public Builder handler(String handler) {
			this.handler = handler;
			return this;
		}

		/**
		 * Sets the AWS region that the default invoked function ARN names.
		 * @param region a region such as {@code eu-west-1}; {@code us-east-1} by default
		 * @return this builder
		 */
		public Builder region(String region) {
			if (!region.matches("[a-z0-9-]+")) {
				throw new IllegalArgumentException("Not an AWS region: " + region);
			}
			this.region = region;
			return this;
		}

		/**
		 * Sets how many invocations the runtime may have at once, as Lambda does with
		 * {@code AWS_LAMBDA_MAX_CONCURRENCY}: further ones wait in the queue until one ends.
		 * @param maxConcurrency at least 1; by default 1, as on ordinary Lambda
		 * @return this builder
		 */
		public Builder maxConcurrency(int maxConcurrency) {
			if (maxConcurrency < 1) {
				throw new IllegalArgumentException("The maximum concurrency must be at least 1, not " + maxConcurrency);
			}
			this.maxConcurrency = maxConcurrency;
			return this;
		}

		/**
		 * Sets how many invocations may wait for the runtime's {@code next} at once; beyond that
		 * an invocation is refused (the Invoke API answers 429 {@code TooManyRequestsException}, as
		 * Lambda does when it throttles), so that a runtime that stopped taking events cannot make
		 * the emulator hold events without bound.
		 * @param maxQueuedInvocations at least 1; 10,000 by default
		 * @return this builder
		 */
		public Builder maxQueuedInvocations(int maxQueuedInvocations) {
			if (maxQueuedInvocations < 1) {
				throw new IllegalArgumentException(
						"The maximum of queued invocations must be at least 1, not " + maxQueuedInvocations);
			}
			this.maxQueuedInvocations = maxQueuedInvocations;
			return this;
		}

		/**
		 * Sets how many bytes of events may wait for the runtime's {@code next} at once; an
		 * invocation whose event would go beyond is refused, as beyond
		 * {@link #maxQueuedInvocations(int)}, so that events a runtime does not take cannot use up
		 * the emulator's memory. An invocation handed to the runtime no longer counts.
		 * @param maxQueuedBytes at least 1; 256 MB by default
		 * @return this builder
		 */
		public Builder maxQueuedBytes(long maxQueuedBytes) {
			if (maxQueuedBytes < 1) {
				throw new IllegalArgumentException(
						"The maximum of queued event bytes must be at least 1, not " + maxQueuedBytes);
			}
			this.maxQueuedBytes = maxQueuedBytes;
			return this;
		}

		/**
		 * Starts the emulator.
		 * @return the running emulator
		 * @throws UncheckedIOException if the address cannot be listened on
		 * @throws IllegalArgumentException if the host cannot be resolved
		 */
		public LambdaEmulator build() {
			return new LambdaEmulator(this);
		}

	}

}

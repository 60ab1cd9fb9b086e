package dev.lambdaruntime.emulator.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;

import dev.lambdaruntime.emulator.InvocationRequest;
import dev.lambdaruntime.emulator.InvocationResult;
import dev.lambdaruntime.emulator.LambdaEmulator;
import dev.lambdaruntime.emulator.invocation.Durations;
import dev.lambdaruntime.emulator.service.LocalLambdaService;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a function's runtime command locally, as the Runtime Interface Emulator does: starts a
 * {@link LambdaEmulator}, launches the command with {@code AWS_LAMBDA_RUNTIME_API} and the other
 * variables Lambda sets, launches it again whenever it exits, and stops it on close: SIGTERM, then
 * SIGKILL if it has not exited within the {@linkplain Builder#stopTimeout stop timeout} (two
 * seconds by default). Its {@link #main main} is the entry point of
 * {@code lambda-runtime-emulator-VERSION-exec.jar}; tests use the {@link #builder builder}.
 *
 * @since 0.1.0
 */
public final class LambdaEmulatorLauncher implements AutoCloseable {

	private static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(2);

	/** How long Lambda lets a function initialize before its first invocation counts. */
	private static final Duration INIT_TIMEOUT = Duration.ofSeconds(10);

	/** The error type printed for an error the runtime posted without one. */
	private static final String UNTYPED_ERROR = "Unhandled";

	private static final String MESSAGE_PREFIX = "lambda-runtime-emulator: ";

	private static final String SHUTDOWN_THREAD_NAME = "lambda-emulator-shutdown";

	private final LambdaEmulator emulator;

	private final RuntimeSupervisor supervisor;

	private final @Nullable LogFile logFile;

	private LambdaEmulatorLauncher(LambdaEmulator emulator, RuntimeSupervisor supervisor, @Nullable LogFile logFile) {
		this.emulator = emulator;
		this.supervisor = supervisor;
		this.logFile = logFile;
	}

	/**
	 * Runs {@code lambda-runtime-emulator-VERSION-exec.jar}: until the JVM is stopped (Ctrl-C,
	 * SIGTERM), or with {@code --invoke} for one invocation, exiting with 0 if the function
	 * answered and 1 if not.
	 * @param args {@code [options] -- COMMAND [ARGS...]}, or options alone for the local Lambda
	 * service; {@code --help} lists the options
	 */
	public static void main(String[] args) {
		LauncherSystemProperties.applyDefaults(System.getProperties());
		LauncherArguments arguments;
		try {
			arguments = LauncherArguments.parse(args).orElse(null);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(MESSAGE_PREFIX + ex.getMessage());
			System.err.print(LauncherArguments.USAGE);
			System.exit(2);
			return;
		}
		if (arguments == null) {
			System.out.print(LauncherArguments.USAGE);
			return;
		}
		if (arguments.service() != null) {
			serve(arguments.service());
			return;
		}
		LambdaEmulatorLauncher launcher = startOrExplain(Objects.requireNonNull(arguments.builder())::start);
		if (launcher == null) {
			System.exit(1);
			return;
		}
		String event = arguments.event();
		if (event != null) {
			Runtime.getRuntime().addShutdownHook(new Thread(launcher::close, SHUTDOWN_THREAD_NAME));
			System.exit(invoke(launcher, event, System.out, System.err));
		}
		serve(launcher);
	}

	private static <T> @Nullable T startOrExplain(Supplier<T> start) {
		try {
			return start.get();
		}
		catch (RuntimeException ex) {
			System.err.println(MESSAGE_PREFIX + ex.getMessage()
					+ ((ex.getCause() != null) ? " (" + ex.getCause().getMessage() + ")" : ""));
			return null;
		}
	}

	/**
	 * Runs the local Lambda service until the JVM stops, and says how to deploy into it.
	 */
	private static void serve(LocalLambdaService.Builder builder) {
		LocalLambdaService service = startOrExplain(builder::build);
		if (service == null) {
			System.exit(1);
			return;
		}
		Logger logger = LoggerFactory.getLogger(LambdaEmulatorLauncher.class);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			logger.info("Stopping the functions and the local Lambda service");
			service.close();
		}, SHUTDOWN_THREAD_NAME));
		logger.info("Local Lambda service listening on " + service.endpoint() + "; deploy and invoke functions with");
		logger.info("  aws lambda create-function --endpoint-url " + service.endpoint() + " --function-name NAME "
				+ "--runtime provided.al2023 --handler bootstrap --role arn:aws:iam::000000000000:role/lambda "
				+ "--zip-file fileb://function.zip");
		logger.info("  aws lambda invoke --endpoint-url " + service.endpoint() + " --function-name NAME "
				+ "--cli-binary-format raw-in-base64-out --payload '{}' response.json");
		logger.info("or from a browser at " + service.pageUrl());
	}

	/**
	 * Leaves the launcher serving until the JVM stops, and says how to invoke the function.
	 */
	private static void serve(LambdaEmulatorLauncher launcher) {
		LambdaEmulator emulator = launcher.emulator;
		Logger logger = LoggerFactory.getLogger(LambdaEmulatorLauncher.class);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			logger.info("Stopping the runtime and the emulator");
			launcher.close();
		}, SHUTDOWN_THREAD_NAME));
		logger.info("Lambda emulator listening on http://" + emulator.runtimeApi() + "; invoke the function with");
		logger.info("  curl -d '{}' " + emulator.invokeUrl());
		logger.info("  aws lambda invoke --endpoint-url http://" + emulator.runtimeApi() + " --function-name "
				+ emulator.functionName() + " --cli-binary-format raw-in-base64-out --payload '{}' response.json");
		logger.info("or from a browser at " + emulator.pageUrl());
	}

	/**
	 * Invokes the function once, then closes the launcher: what {@code --invoke} does. Waits for
	 * the invocation at most the invocation timeout plus the ten seconds Lambda lets a function
	 * initialize.
	 * @param launcher a started launcher, closed on return
	 * @param event the event, a JSON text
	 * @param out where the function's response payload goes, followed by a line break
	 * @param err where the error goes if the invocation failed: its type and payload
	 * @return the exit status: 0 if the function answered, 1 if the invocation ended in an error
	 * (function error, init error, {@code Runtime.ExitError}, {@code Sandbox.Timedout}) or did not
	 * end in time
	 */
	static int invoke(LambdaEmulatorLauncher launcher, String event, PrintStream out, PrintStream err) {
		InvocationRequest request = InvocationRequest.of(event);
		Duration wait = launcher.emulator.timeoutOf(request).plus(INIT_TIMEOUT);
		try (launcher) {
			InvocationResult result = launcher.emulator.invoke(request).get(wait.toNanos(), TimeUnit.NANOSECONDS);
			if (result.isError()) {
				return failed(err, Objects.requireNonNullElse(result.errorType(), UNTYPED_ERROR) + ": "
						+ result.payloadAsString());
			}
			out.writeBytes(result.payload());
			out.println();
			out.flush();
			return 0;
		}
		catch (TimeoutException ex) {
			return failed(err, "no result within " + wait.toSeconds() + " seconds");
		}
		catch (ExecutionException ex) {
			return failed(err, String.valueOf(ex.getCause().getMessage()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return failed(err, "interrupted");
		}
	}

	private static int failed(PrintStream err, String reason) {
		err.println(MESSAGE_PREFIX + "invocation failed: " + reason);
		return 1;
	}

	/**
	 * Starts configuring a launcher.
	 * @param command the runtime's program and its arguments
	 * @return a builder: a random port, 127.0.0.1, a 300 second timeout, the function name
	 * {@code function}, 512 MB, one invocation at a time, a 2 second stop timeout
	 */
	public static Builder builder(List<String> command) {
		return new Builder(command);
	}

	/**
	 * Returns the emulator the runtime is connected to, to invoke the function or to see what the
	 * runtime sent.
	 * @return the emulator
	 */
	public LambdaEmulator emulator() {
		return this.emulator;
	}

	/**
	 * Stops the runtime process (SIGTERM, then SIGKILL after the stop timeout), then the emulator.
	 */
	@Override
	public void close() {
		this.supervisor.close();
		this.emulator.close();
		if (this.logFile != null) {
			this.logFile.close();
		}
	}

	/**
	 * Configures and starts a {@link LambdaEmulatorLauncher}.
	 */
	public static final class Builder {

		private final List<String> command;

		private final LambdaEmulator.Builder emulator = LambdaEmulator.builder();

		private int memorySize = LambdaEmulator.DEFAULT_MEMORY_SIZE;

		private @Nullable String handler;

		private String functionVersion = LambdaEmulator.DEFAULT_FUNCTION_VERSION;

		private @Nullable Integer maxConcurrency;

		private @Nullable Path output;

		private boolean outputToStandardError;

		private @Nullable Consumer<String> logOutput;

		private Map<String, String> functionEnvironment = Map.of();

		private Path taskRoot = Path.of("").toAbsolutePath();

		private Duration stopTimeout = DEFAULT_STOP_TIMEOUT;

		private Builder(List<String> command) {
			if (command.isEmpty()) {
				throw new IllegalArgumentException("The command must not be empty");
			}
			this.command = List.copyOf(command);
		}

		/**
		 * Sets the port to listen on.
		 * @param port the port, or 0 (the default) for a random free one
		 * @return this builder
		 * @see LambdaEmulator.Builder#port(int)
		 */
		public Builder port(int port) {
			this.emulator.port(port);
			return this;
		}

		/**
		 * Sets the address to listen on.
		 * @param host a host name or IP address; {@code 127.0.0.1} by default
		 * @return this builder
		 * @see LambdaEmulator.Builder#host(String)
		 */
		public Builder host(String host) {
			this.emulator.host(host);
			return this;
		}

		/**
		 * Sets the invocation timeout.
		 * @param timeout a positive duration; 300 seconds by default
		 * @return this builder
		 */
		public Builder timeout(Duration timeout) {
			this.emulator.timeout(timeout);
			return this;
		}

		/**
		 * Sets how long the runtime process gets to exit after SIGTERM, when the launcher closes or
		 * replaces it after an invocation timed out, before it is killed. A JVM that writes an AOT
		 * cache at exit, for instance, needs several seconds.
		 * @param stopTimeout a positive duration; 2 seconds by default
		 * @return this builder
		 */
		public Builder stopTimeout(Duration stopTimeout) {
			this.stopTimeout = Durations.requirePositive(stopTimeout, "stop timeout");
			return this;
		}

		/**
		 * Sets the function name, which {@code AWS_LAMBDA_FUNCTION_NAME} carries.
		 * @param functionName letters, digits, hyphens and underscores; {@code function} by default
		 * @return this builder
		 */
		public Builder functionName(String functionName) {
			this.emulator.functionName(functionName);
			return this;
		}

		/**
		 * Lets the runtime have several invocations at once, and tells it so with
		 * {@code AWS_LAMBDA_MAX_CONCURRENCY}.
		 * @param maxConcurrency at least 1; without it, one invocation at a time and no variable
		 * @return this builder
		 */
		public Builder maxConcurrency(int maxConcurrency) {
			this.emulator.maxConcurrency(maxConcurrency);
			this.maxConcurrency = maxConcurrency;
			return this;
		}

		/**
		 * Sets how many bytes of events may wait for the runtime at once; beyond that an
		 * invocation is refused with a 429.
		 * @param maxQueuedBytes at least 1; 256 MB by default
		 * @return this builder
		 * @see LambdaEmulator.Builder#maxQueuedBytes(long)
		 */
		public Builder maxQueuedBytes(long maxQueuedBytes) {
			this.emulator.maxQueuedBytes(maxQueuedBytes);
			return this;
		}

		/**
		 * Sets the memory size that {@code AWS_LAMBDA_FUNCTION_MEMORY_SIZE} carries.
		 * @param memorySize megabytes, 128 to 10,240 as in Lambda; 512 by default
		 * @return this builder
		 */
		public Builder memorySize(int memorySize) {
			this.emulator.memorySize(memorySize);
			this.memorySize = memorySize;
			return this;
		}

		/**
		 * Sets the function version that {@code AWS_LAMBDA_FUNCTION_VERSION} carries.
		 * @param functionVersion the version; {@code $LATEST} by default
		 * @return this builder
		 */
		public Builder functionVersion(String functionVersion) {
			this.emulator.functionVersion(functionVersion);
			this.functionVersion = functionVersion;
			return this;
		}

		/**
		 * Sets the function's handler setting, which {@code _HANDLER} carries.
		 * @param handler the handler; by default the command's last argument when it has
		 * arguments, as the Runtime Interface Emulator takes it ({@code npx aws-lambda-ric
		 * index.handler}), else {@code bootstrap}, as for a custom runtime
		 * @return this builder
		 */
		public Builder handler(String handler) {
			this.handler = handler;
			return this;
		}

		/**
		 * Appends the function's log (the runtime's standard output and error, and the
		 * {@code START}, {@code END} and {@code REPORT} lines) to a file, instead of this
		 * process's standard output.
		 * @param output the file
		 * @return this builder
		 */
		public Builder output(Path output) {
			this.output = output;
			return this;
		}

		/**
		 * Sends the function's log (the runtime's standard output and error, and the
		 * {@code START}, {@code END} and {@code REPORT} lines) to a consumer, instead of this
		 * process's standard output.
		 * @param logOutput takes each line, without its line break
		 * @return this builder
		 */
		public Builder logOutput(Consumer<String> logOutput) {
			this.logOutput = logOutput;
			return this;
		}

		/**
		 * Sets the function's own environment variables, as Lambda gives a function those of its
		 * configuration; the variables Lambda sets itself take precedence.
		 * @param environment the variables; none by default
		 * @return this builder
		 */
		public Builder environment(Map<String, String> environment) {
			this.functionEnvironment = Map.copyOf(environment);
			return this;
		}

		/**
		 * Sets the folder the runtime runs in, which {@code LAMBDA_TASK_ROOT} names, as Lambda runs a
		 * function in the folder its code was unzipped to.
		 * @param taskRoot the folder; this process's working directory by default
		 * @return this builder
		 */
		public Builder taskRoot(Path taskRoot) {
			this.taskRoot = taskRoot.toAbsolutePath();
			return this;
		}

		/**
		 * Sends the function's log to this process's standard error, unless it goes to an
		 * {@linkplain #output(Path) output file}, so that this process's standard output carries
		 * only what the launcher prints.
		 * @return this builder
		 */
		Builder outputToStandardError() {
			this.outputToStandardError = true;
			return this;
		}

		/**
		 * Starts the emulator and launches the runtime.
		 * @return the running launcher
		 * @throws UncheckedIOException if the emulator cannot listen or the command cannot start
		 */
		public LambdaEmulatorLauncher start() {
			Map<String, String> inherited = System.getenv();
			LogFile logFile = (this.output != null) ? LogFile.append(this.output) : null;
			this.emulator.logOutput((logFile != null) ? logFile
					: (this.logOutput != null) ? this.logOutput
							: this.outputToStandardError ? System.err::println : System.out::println);
			String handler = (this.handler != null) ? this.handler
					: (this.command.size() > 1) ? this.command.get(this.command.size() - 1)
							: LambdaEmulator.DEFAULT_HANDLER;
			LambdaEmulator emulator = this.emulator.region(RuntimeProcessVariables.region(inherited))
				.handler(handler)
				.build();
			RuntimeProcessVariables environment = new RuntimeProcessVariables(emulator.runtimeApi(),
					emulator.functionName(), this.functionVersion, this.memorySize, handler, this.maxConcurrency,
					this.taskRoot);
			try {
				RuntimeSupervisor supervisor = RuntimeSupervisor.start(emulator,
						() -> RuntimeProcess.start(this.command, this.taskRoot,
								environment.variables(this.functionEnvironment, inherited), emulator),
						this.stopTimeout);
				return new LambdaEmulatorLauncher(emulator, supervisor, logFile);
			}
			catch (IOException ex) {
				emulator.close();
				if (logFile != null) {
					logFile.close();
				}
				throw new UncheckedIOException("Cannot run " + this.command.get(0), ex);
			}
		}

	}

}

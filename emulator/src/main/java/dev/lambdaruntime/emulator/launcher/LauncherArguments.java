package dev.lambdaruntime.emulator.launcher;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.lambdaruntime.emulator.service.LocalLambdaService;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The command line of {@code lambda-runtime-emulator-VERSION-exec.jar}, read into a launcher
 * builder and, with {@code --invoke}, the one event to invoke the function with; or, without a
 * command, into a local Lambda service builder.
 *
 * @param builder the configured launcher builder, or {@code null} for the local Lambda service
 * @param event the event of {@code --invoke}, a JSON text, or {@code null} to serve until stopped
 * @param service the configured local Lambda service builder, when there is no command
 */
record LauncherArguments(LambdaEmulatorLauncher.@Nullable Builder builder, @Nullable String event,
		LocalLambdaService.@Nullable Builder service) {

	/** The port the launcher listens on unless told otherwise, as the Runtime Interface Emulator. */
	static final int DEFAULT_PORT = 8080;

	static final String USAGE = """
			Usage: java -jar lambda-runtime-emulator-VERSION-exec.jar [options] -- COMMAND [ARGS...]
			       java -jar lambda-runtime-emulator-VERSION-exec.jar [--port N] [--host ADDRESS]
			                                                          [--code-directory DIR]

			Serves the Lambda Runtime API and the Lambda Invoke API on one port, and runs COMMAND
			as the function's runtime with AWS_LAMBDA_RUNTIME_API and the other variables Lambda
			sets; relaunches it when it exits. With --invoke, invokes the function once instead,
			prints its response and exits.

			Without a command, serves as a local Lambda service: deploy functions into it with
			the AWS SDKs or CLI (endpoint http://127.0.0.1:8080): CreateFunction,
			UpdateFunctionCode, UpdateFunctionConfiguration, GetFunction,
			GetFunctionConfiguration, ListFunctions, PublishVersion, DeleteFunction and Invoke.
			Each function's zip is unzipped into a folder of its own (under --code-directory,
			else a temporary folder) and its bootstrap runs on the first invocation.

			Options:
			  --port N              port to listen on (default 8080, or any free one with
			                        --invoke; 0 for any free one)
			  --host ADDRESS        address to listen on (default 127.0.0.1; others are reachable
			                        from other machines, with no authentication)
			  --timeout SECONDS     invocation timeout (default 300)
			  --function-name NAME  function name (default function)
			  --memory MB           AWS_LAMBDA_FUNCTION_MEMORY_SIZE (default 512)
			  --function-version V  AWS_LAMBDA_FUNCTION_VERSION (default $LATEST)
			  --handler NAME        _HANDLER (default: the command's last argument if it has
			                        arguments, else bootstrap)
			  --max-concurrency N   invocations at once, passed as AWS_LAMBDA_MAX_CONCURRENCY
			                        (default: one at a time)
			  --max-queued-mb MB    megabytes of events that may wait for the runtime; more
			                        invocations get 429 TooManyRequestsException (default 256)
			  --stop-timeout SECONDS
			                        how long the runtime gets to exit after SIGTERM, when the
			                        emulator stops or an invocation timed out, before SIGKILL
			                        (default 2)
			  --invoke EVENT        invoke the function once with EVENT, a JSON text, print
			                        the response payload to standard output, stop the runtime
			                        and exit: 0 if the function answered, 1 if the invocation
			                        failed (the error goes to standard error, as does the
			                        runtime's own output)
			  --code-directory DIR  without a command: where functions' code is unzipped
			  --help                show this help

			The Runtime Interface Emulator's variables set defaults that options override:
			AWS_LAMBDA_FUNCTION_TIMEOUT, AWS_LAMBDA_FUNCTION_NAME, AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
			AWS_LAMBDA_FUNCTION_VERSION; AWS_REGION names the region of the function's ARN.

			Invoke:  curl -d '{}' http://127.0.0.1:8080/2015-03-31/functions/function/invocations
			Smoke test:  java -jar lambda-runtime-emulator-VERSION-exec.jar --invoke '"hello"' -- ./bootstrap
			Debug logging (ids and sizes, never bodies):
			  java -Dorg.slf4j.simpleLogger.log.dev.lambdaruntime=debug \\
			    -jar lambda-runtime-emulator-VERSION-exec.jar ...
			""";

	private static final String INVOKE = "--invoke";

	/** The options of the local Lambda service. */
	private static final Set<String> SERVICE_OPTIONS = Set.of("--port", "--host", "--code-directory");

	private static final long MEGABYTE = 1024 * 1024;

	/**
	 * The Runtime Interface Emulator's configuration variables (its README, "How to configure"),
	 * and the options they stand for.
	 */
	private static final Map<String, String> VARIABLE_OPTIONS = Map.of("AWS_LAMBDA_FUNCTION_TIMEOUT", "--timeout",
			"AWS_LAMBDA_FUNCTION_NAME", "--function-name", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "--memory",
			"AWS_LAMBDA_FUNCTION_VERSION", "--function-version");

	/**
	 * Reads a command line, with this process's environment.
	 * @param args the arguments
	 * @return the arguments, or empty if help was asked for
	 * @throws IllegalArgumentException if the command line is wrong, with a message that says how
	 */
	static Optional<LauncherArguments> parse(String... args) {
		return parse(System.getenv(), args);
	}

	/**
	 * Reads a command line.
	 * @param environment the variables that set defaults for the options, as in the Runtime
	 * Interface Emulator
	 * @param args the arguments
	 * @return the arguments, or empty if help was asked for
	 * @throws IllegalArgumentException if the command line or a variable is wrong, with a
	 * message that says how
	 */
	static Optional<LauncherArguments> parse(Map<String, String> environment, String... args) {
		Map<String, String> options = new LinkedHashMap<>();
		int index = 0;
		while (index < args.length && args[index].startsWith("--") && !args[index].equals("--")) {
			String option = args[index++];
			int equals = option.indexOf('=');
			if (option.equals("--help")) {
				return Optional.empty();
			}
			if (equals >= 0) {
				options.put(option.substring(0, equals), option.substring(equals + 1));
			}
			else if (index < args.length) {
				options.put(option, args[index++]);
			}
			else {
				throw new IllegalArgumentException(option + " needs a value");
			}
		}
		if (index == args.length && !options.containsKey(INVOKE)) {
			return Optional.of(new LauncherArguments(null, null, service(options)));
		}
		if (index < args.length && args[index].equals("--")) {
			index++;
		}
		List<String> command = Arrays.asList(args).subList(index, args.length);
		if (command.isEmpty()) {
			throw new IllegalArgumentException("No command to run as the runtime: give it after --");
		}
		String event = options.remove(INVOKE);
		LambdaEmulatorLauncher.Builder builder = LambdaEmulatorLauncher.builder(command);
		if (event != null) {
			requireJson(INVOKE, event);
			builder.port(0).outputToStandardError();
		}
		else {
			builder.port(DEFAULT_PORT);
		}
		VARIABLE_OPTIONS.forEach((variable, option) -> {
			String value = environment.get(variable);
			if (value != null && !options.containsKey(option)) {
				try {
					apply(builder, option, value);
				}
				catch (IllegalArgumentException ex) {
					throw new IllegalArgumentException(variable + ": " + ex.getMessage(), ex);
				}
			}
		});
		options.forEach((option, value) -> apply(builder, option, value));
		return Optional.of(new LauncherArguments(builder, event, null));
	}

	private static LocalLambdaService.Builder service(Map<String, String> options) {
		LocalLambdaService.Builder service = LocalLambdaService.builder().port(DEFAULT_PORT);
		options.forEach((option, value) -> {
			switch (option) {
				case "--port" -> service.port(wholeNumber(option, value));
				case "--host" -> service.host(value);
				case "--code-directory" -> service.codeDirectory(Path.of(value));
				default -> throw new IllegalArgumentException(option + " needs a command to run as the runtime; "
						+ "without one, the local Lambda service takes only " + SERVICE_OPTIONS);
			}
		});
		return service;
	}

	private static void apply(LambdaEmulatorLauncher.Builder builder, String option, String value) {
		switch (option) {
			case "--port" -> builder.port(wholeNumber(option, value));
			case "--host" -> builder.host(value);
			case "--timeout" -> builder.timeout(seconds(option, value));
			case "--function-name" -> builder.functionName(value);
			case "--memory" -> builder.memorySize(wholeNumber(option, value));
			case "--function-version" -> builder.functionVersion(value);
			case "--handler" -> builder.handler(value);
			case "--max-concurrency" -> builder.maxConcurrency(wholeNumber(option, value));
			case "--stop-timeout" -> builder.stopTimeout(seconds(option, value));
			case "--max-queued-mb" -> builder.maxQueuedBytes(wholeNumber(option, value) * MEGABYTE);
			case "--code-directory" -> throw new IllegalArgumentException(
					"--code-directory is an option of the local Lambda service, which runs without a command");
			default -> throw new IllegalArgumentException("Unknown option " + option);
		}
	}

	private static int wholeNumber(String option, String value) {
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(option + " needs a whole number, not '" + value + "'");
		}
	}

	private static Duration seconds(String option, String value) {
		try {
			return Duration.ofNanos(new BigDecimal(value).movePointRight(9).longValueExact());
		}
		catch (ArithmeticException | NumberFormatException ex) {
			throw new IllegalArgumentException(option + " needs a number of seconds, not '" + value + "'");
		}
	}

	private static void requireJson(String option, String value) {
		boolean json;
		try {
			json = !JsonMapper.shared().readTree(value).isMissingNode();
		}
		catch (JacksonException ex) {
			json = false;
		}
		if (!json) {
			throw new IllegalArgumentException(option + " needs a JSON text, such as '{}' or '\"hello\"', not '"
					+ value + "'");
		}
	}

}

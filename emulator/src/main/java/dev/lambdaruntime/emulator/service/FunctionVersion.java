package dev.lambdaruntime.emulator.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import com.sun.net.httpserver.HttpExchange;
import dev.lambdaruntime.emulator.LambdaEmulator;
import dev.lambdaruntime.emulator.http.ApiError;
import dev.lambdaruntime.emulator.http.JsonBodies;
import dev.lambdaruntime.emulator.http.ResponseWriter;
import dev.lambdaruntime.emulator.invocation.HistoryEntry;
import dev.lambdaruntime.emulator.launcher.LambdaEmulatorLauncher;
import org.jspecify.annotations.Nullable;

/**
 * One version of a function ({@code $LATEST} or a published number): its settings and code,
 * which never change (an update makes a new {@code $LATEST}), and the runtime that runs them,
 * started on the first invocation, as Lambda starts an execution environment, with an emulator of
 * its own. Retiring the version stops the runtime.
 */
final class FunctionVersion {

	/** The version that updates change. */
	static final String LATEST = "$LATEST";

	private static final DateTimeFormatter LAST_MODIFIED = DateTimeFormatter
		.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

	private static final String BOOTSTRAP = "bootstrap";

	private final String functionName;

	private final String version;

	private final FunctionSettings settings;

	private final FunctionCode code;

	private final String lastModified = ZonedDateTime.now(ZoneOffset.UTC).format(LAST_MODIFIED);

	private final String revisionId = UUID.randomUUID().toString();

	private final Consumer<String> logOutput;

	private @Nullable LambdaEmulatorLauncher runtime;

	private boolean retired;

	FunctionVersion(String functionName, String version, FunctionSettings settings, FunctionCode code,
			Consumer<String> logOutput) {
		this.functionName = functionName;
		this.version = version;
		this.settings = settings;
		this.code = code;
		this.logOutput = logOutput;
	}

	String version() {
		return this.version;
	}

	FunctionSettings settings() {
		return this.settings;
	}

	FunctionCode code() {
		return this.code;
	}

	/**
	 * Returns this version with other settings or code, as a new {@code $LATEST}.
	 * @param settings the settings
	 * @param code the code
	 * @return the new version, not started
	 */
	FunctionVersion updated(FunctionSettings settings, FunctionCode code) {
		return new FunctionVersion(this.functionName, LATEST, settings, code, this.logOutput);
	}

	/**
	 * Returns this version published under a number.
	 * @param number the version number
	 * @return the published version, not started
	 */
	FunctionVersion published(int number) {
		return new FunctionVersion(this.functionName, Integer.toString(number), this.settings, this.code,
				this.logOutput);
	}

	/**
	 * Returns the version's {@code FunctionConfiguration}, as Lambda's API writes it.
	 * @param functionArn the function's unqualified ARN
	 * @return the JSON members
	 */
	Map<String, Object> configuration(String functionArn) {
		Map<String, Object> configuration = new LinkedHashMap<>();
		configuration.put("FunctionName", this.functionName);
		configuration.put("FunctionArn", this.version.equals(LATEST) ? functionArn : functionArn + ":" + this.version);
		configuration.put("Runtime", this.settings.runtime());
		configuration.put("Role", this.settings.role());
		configuration.put("Handler", this.settings.handler());
		configuration.put("CodeSize", this.code.size());
		configuration.put("Description", this.settings.description());
		configuration.put("Timeout", this.settings.timeout());
		configuration.put("MemorySize", this.settings.memorySize());
		configuration.put("LastModified", this.lastModified);
		configuration.put("CodeSha256", this.code.sha256());
		configuration.put("Version", this.version);
		configuration.put("Environment", Map.of("Variables", this.settings.environment()));
		configuration.put("TracingConfig", Map.of("Mode", "PassThrough"));
		configuration.put("RevisionId", this.revisionId);
		// created and updated at once: the SDK's waiters functionActiveV2 and functionUpdatedV2 end at once
		configuration.put("State", "Active");
		configuration.put("LastUpdateStatus", "Successful");
		configuration.put("PackageType", "Zip");
		configuration.put("Architectures", this.settings.architectures());
		configuration.put("EphemeralStorage", Map.of("Size", 512));
		configuration.put("LoggingConfig", Map.of("LogFormat", "Text", "LogGroup", "/aws/lambda/" + this.functionName));
		return configuration;
	}

	/**
	 * Invokes this version: hands the Invoke API call to its runtime's emulator, starting the
	 * runtime first if this is the first invocation. A missing or non-executable
	 * {@code bootstrap} is a function error, {@code Runtime.InvalidEntrypoint}, as in Lambda.
	 * @param exchange the Invoke API call
	 * @throws IOException if the caller went away
	 */
	void invoke(HttpExchange exchange) throws IOException {
		LambdaEmulator emulator;
		try {
			emulator = runtime();
		}
		catch (UncheckedIOException ex) {
			invalidEntrypoint(exchange, ex.getMessage() + ((ex.getCause() != null) ? ": " + ex.getCause().getMessage() : ""));
			return;
		}
		if (emulator == null) {
			invalidEntrypoint(exchange, "Couldn't find valid bootstrap(s): [" + bootstrap() + "]");
			return;
		}
		emulator.serveInvoke(exchange);
	}

	/** The running runtime's emulator, started now if need be, or {@code null} without a bootstrap. */
	private synchronized @Nullable LambdaEmulator runtime() {
		if (this.retired) {
			throw LambdaApiException.conflict("The function " + this.functionName + " was updated or deleted "
					+ "while the invocation arrived; invoke it again");
		}
		if (this.runtime == null) {
			if (!Files.isExecutable(bootstrap())) {
				return null;
			}
			this.runtime = LambdaEmulatorLauncher.builder(List.of(bootstrap().toString()))
				.functionName(this.functionName)
				.functionVersion(this.version)
				.memorySize(this.settings.memorySize())
				.timeout(Duration.ofSeconds(this.settings.timeout()))
				.handler(this.settings.handler())
				.environment(this.settings.environment())
				.taskRoot(this.code.directory())
				.logOutput(this.logOutput)
				.start();
		}
		return this.runtime.emulator();
	}

	private Path bootstrap() {
		return this.code.directory().resolve(BOOTSTRAP);
	}

	private static void invalidEntrypoint(HttpExchange exchange, String message) throws IOException {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Content-Type", JsonBodies.CONTENT_TYPE);
		headers.put(ApiError.REQUEST_ID, UUID.randomUUID().toString());
		headers.put("X-Amz-Function-Error", "Unhandled");
		ResponseWriter.write(exchange, 200, headers, JsonBodies.error("Runtime.InvalidEntrypoint", message));
	}

	/**
	 * Returns the invocations of this version's runtime.
	 * @return their summaries, newest first; none before the first invocation
	 */
	synchronized List<HistoryEntry.Summary> history() {
		return (this.runtime != null) ? this.runtime.emulator().history() : List.of();
	}

	/**
	 * Stops the runtime for good, once an update replaced this version or it was deleted.
	 * @return the invocations it served, newest first, for the function's history
	 */
	List<HistoryEntry.Summary> retire() {
		LambdaEmulatorLauncher stopping;
		synchronized (this) {
			this.retired = true;
			stopping = this.runtime;
			this.runtime = null;
		}
		if (stopping == null) {
			return List.of();
		}
		stopping.close();
		return stopping.emulator().history();
	}

}

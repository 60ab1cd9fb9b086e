package dev.lambdaruntime.emulator.service;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import dev.lambdaruntime.emulator.LambdaEmulator;
import dev.lambdaruntime.emulator.invocation.HistoryEntry;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The functions of the local Lambda service, by name, at most {@link #MAX_FUNCTIONS}, each with
 * its code in a folder of its own under one directory.
 */
final class DeployedFunctions {

	/** How many functions the service keeps at once. */
	static final int MAX_FUNCTIONS = 50;

	private final Map<String, DeployedFunction> functions = new LinkedHashMap<>();

	private final Path codeDirectory;

	private final String arnPrefix;

	private final Consumer<String> logOutput;

	/**
	 * Creates an empty set of functions.
	 * @param codeDirectory where each function's code is unzipped, in a folder of its own
	 * @param region the AWS region of the functions' ARNs
	 * @param logOutput where the functions' log lines go
	 */
	DeployedFunctions(Path codeDirectory, String region, Consumer<String> logOutput) {
		this.codeDirectory = codeDirectory;
		this.arnPrefix = "arn:aws:lambda:" + region + ":" + LambdaEmulator.ACCOUNT_ID + ":function:";
		this.logOutput = logOutput;
	}

	/**
	 * Creates a function, as {@code CreateFunction} does, and publishes it when asked.
	 * @param name the function name
	 * @param request the call's body
	 * @param zip the zip of its code
	 * @return the function
	 * @throws LambdaApiException if a function of that name exists, there are too many, or a
	 * setting or the zip is refused
	 */
	DeployedFunction create(String name, JsonNode request, byte[] zip) {
		FunctionSettings settings = FunctionSettings.created(request);
		synchronized (this) {
			requireRoomFor(name);
		}
		FunctionCode code = FunctionCode.unzip(zip, this.codeDirectory.resolve(name));
		DeployedFunction function = new DeployedFunction(this.arnPrefix + name,
				new FunctionVersion(name, FunctionVersion.LATEST, settings, code, this.logOutput),
				tags(request.path("Tags")));
		synchronized (this) {
			try {
				requireRoomFor(name);
			}
			catch (LambdaApiException ex) {
				code.delete();
				throw ex;
			}
			this.functions.put(name, function);
		}
		return function;
	}

	/**
	 * Replaces a function's code, as {@code UpdateFunctionCode} does.
	 * @param name the function name
	 * @param zip the zip of its new code
	 * @return the new {@code $LATEST}
	 * @throws LambdaApiException if there is no such function or the zip is refused
	 */
	FunctionVersion updateCode(String name, byte[] zip) {
		DeployedFunction function = get(name);
		FunctionCode code = FunctionCode.unzip(zip, this.codeDirectory.resolve(name));
		try {
			return function.update((latest) -> latest.updated(latest.settings(), code));
		}
		catch (RuntimeException ex) {
			code.delete();
			throw ex;
		}
	}

	/**
	 * Returns a function.
	 * @param name the function name
	 * @return the function
	 * @throws LambdaApiException if there is no such function
	 */
	synchronized DeployedFunction get(String name) {
		DeployedFunction function = this.functions.get(name);
		if (function == null) {
			throw LambdaApiException.notFound("Function not found: " + this.arnPrefix + name);
		}
		return function;
	}

	/**
	 * Returns every function.
	 * @return the functions, oldest first
	 */
	synchronized List<DeployedFunction> all() {
		return new ArrayList<>(this.functions.values());
	}

	/**
	 * Deletes a function, or one of its published versions, as {@code DeleteFunction} does.
	 * @param name the function name
	 * @param qualifier the version, or {@code null} for the function
	 * @throws LambdaApiException if there is no such function or version
	 */
	void delete(String name, @Nullable String qualifier) {
		if (get(name).delete(qualifier)) {
			synchronized (this) {
				this.functions.remove(name);
				FunctionCode.delete(this.codeDirectory.resolve(name));
			}
		}
	}

	/**
	 * Deletes every function, as the service stops.
	 */
	void deleteAll() {
		all().forEach((function) -> delete(function.name(), null));
	}

	/**
	 * Returns the recent invocations of every function.
	 * @return the last 100, newest first
	 */
	List<HistoryEntry.Summary> history() {
		List<HistoryEntry.Summary> history = new ArrayList<>();
		all().forEach((function) -> history.addAll(function.history()));
		return DeployedFunction.newestFirst(history);
	}

	private void requireRoomFor(String name) {
		if (this.functions.containsKey(name)) {
			throw LambdaApiException.conflict("Function already exist: " + name);
		}
		if (this.functions.size() >= MAX_FUNCTIONS) {
			throw LambdaApiException.codeStorageExceeded(
					"The local Lambda service keeps at most " + MAX_FUNCTIONS + " functions; delete one first");
		}
	}

	private static Map<String, String> tags(JsonNode tags) {
		Map<String, String> result = new LinkedHashMap<>();
		tags.properties().forEach((tag) -> result.put(tag.getKey(), tag.getValue().asString("")));
		return result;
	}

}

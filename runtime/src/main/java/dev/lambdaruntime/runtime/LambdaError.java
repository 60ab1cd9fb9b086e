package dev.lambdaruntime.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * An error as the Runtime API receives it: the category sent in
 * {@code Lambda-Runtime-Function-Error-Type} and the body the Java managed runtime sends
 * ({@code errorMessage}, {@code errorType}, {@code stackTrace}, {@code cause}), bounded in size.
 *
 * @param category the error category, such as {@code Runtime.UserException}
 * @param errorType the fully qualified class name of the failure
 * @param errorMessage the failure's message
 * @param stackTrace the failure's frames
 * @param cause the cause, if any
 * @since 0.1.0
 */
public record LambdaError(String category, String errorType, String errorMessage, List<String> stackTrace,
		@Nullable LambdaError cause) {

	/** Category of an exception thrown by the function. */
	public static final String USER_EXCEPTION = "Runtime.UserException";

	/** Category of a function that cannot be set up. */
	public static final String BAD_FUNCTION_CODE = "Runtime.BadFunctionCode";

	/** Category of an event that cannot be converted to the function's input. */
	static final String UNMARSHAL_ERROR = "Runtime.UnmarshalError";

	/** Category of a result that cannot be converted to JSON. */
	static final String MARSHAL_ERROR = "Runtime.MarshalError";

	/** Category of a response the Runtime API refused as too large. */
	static final String RESPONSE_TOO_LARGE = "Function.ResponseSizeTooLarge";

	static final int MAX_MESSAGE_CHARS = 8 * 1024;

	static final int MAX_FRAMES = 200;

	static final int MAX_CAUSES = 8;

	/** Describes a failure, with its causes, in the given category. */
	public static LambdaError of(String category, Throwable failure) {
		return of(category, failure, Collections.newSetFromMap(new IdentityHashMap<>()), 0);
	}

	/** Describes a failure that has no exception behind it. */
	static LambdaError of(String category, String errorType, String errorMessage) {
		return new LambdaError(category, errorType, truncate(errorMessage), List.of(), null);
	}

	private static LambdaError of(String category, Throwable failure, Set<Throwable> seen, int depth) {
		seen.add(failure);
		Throwable cause = cause(failure);
		LambdaError causeError = (cause != null && !seen.contains(cause) && depth < MAX_CAUSES)
				? of(category, cause, seen, depth + 1) : null;
		return new LambdaError(category, failure.getClass().getName(), truncate(message(failure)),
				stackTrace(failure), causeError);
	}

	// A failure's own methods may fail too: the error report must be made anyway.

	private static String message(Throwable failure) {
		try {
			String message = failure.getMessage();
			return (message != null) ? message : "";
		}
		catch (RuntimeException ex) {
			return "(message unavailable: " + ex.getClass().getName() + ")";
		}
	}

	private static List<String> stackTrace(Throwable failure) {
		try {
			StackTraceElement[] frames = failure.getStackTrace();
			List<String> stackTrace = new ArrayList<>(Math.min(frames.length, MAX_FRAMES));
			for (int i = 0; i < frames.length && i < MAX_FRAMES; i++) {
				stackTrace.add(String.valueOf(frames[i]));
			}
			return stackTrace;
		}
		catch (RuntimeException ex) {
			return List.of();
		}
	}

	private static @Nullable Throwable cause(Throwable failure) {
		try {
			return failure.getCause();
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static String truncate(String message) {
		return (message.length() <= MAX_MESSAGE_CHARS) ? message
				: message.substring(0, MAX_MESSAGE_CHARS) + "... (" + message.length() + " characters in all)";
	}

	/** The same error without its stack traces, for functions that must not reveal their code. */
	LambdaError withoutStackTraces() {
		return new LambdaError(this.category, this.errorType, this.errorMessage, List.of(),
				(this.cause != null) ? this.cause.withoutStackTraces() : null);
	}

	/** The JSON body of the error. */
	byte[] toJson() {
		return JsonMapper.shared().writeValueAsBytes(toMap());
	}

	private Map<String, Object> toMap() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("errorMessage", this.errorMessage);
		map.put("errorType", this.errorType);
		map.put("stackTrace", this.stackTrace);
		if (this.cause != null) {
			map.put("cause", this.cause.toMap());
		}
		return map;
	}

}

package dev.lambdaruntime.test.context;

/**
 * Thrown by {@link LambdaTestClient} when the function failed an invocation instead of answering,
 * with the error the runtime reported; its message reads like the function's own stack trace.
 *
 * @since 0.1.0
 */
public final class LambdaFunctionException extends RuntimeException {

	private final LambdaFunctionError error;

	/**
	 * Creates an exception for the given error.
	 * @param error how the function failed
	 */
	LambdaFunctionException(LambdaFunctionError error) {
		super(describe(error));
		this.error = error;
	}

	/**
	 * Returns how the function failed: the error's category, type, message and stack trace.
	 * @return the error
	 */
	public LambdaFunctionError error() {
		return this.error;
	}

	private static String describe(LambdaFunctionError error) {
		StringBuilder message = new StringBuilder("Invocation ").append(error.requestId()).append(" failed");
		if (error.category() != null) {
			message.append(" with ").append(error.category());
		}
		message.append(": ").append(error.errorType());
		if (!error.errorMessage().isEmpty()) {
			message.append(error.errorType().isEmpty() ? "" : ": ").append(error.errorMessage());
		}
		error.stackTrace().forEach((frame) -> message.append(System.lineSeparator()).append("\tat ").append(frame));
		return message.toString();
	}

}

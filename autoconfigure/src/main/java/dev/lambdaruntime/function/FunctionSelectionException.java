package dev.lambdaruntime.function;

/**
 * No function, or no single function, can be chosen to serve invocations. Reported to the
 * Runtime API as an init error of category {@code Runtime.BadFunctionCode}.
 *
 * @since 0.1.0
 */
public final class FunctionSelectionException extends IllegalStateException {

	FunctionSelectionException(String message) {
		super(message);
	}

}

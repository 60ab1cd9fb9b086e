package dev.lambdaruntime.autoconfigure;

/**
 * No function, or no single function, can be chosen to serve invocations. Reported to the
 * Runtime API as an init error of category {@code Runtime.BadFunctionCode}.
 *
 * @since 0.1.0
 */
public class FunctionSelectionException extends IllegalStateException {

	public FunctionSelectionException(String message) {
		super(message);
	}

}

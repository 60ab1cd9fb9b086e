package dev.lambdaruntime.localrun;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import dev.lambdaruntime.runtime.Invocation;
import dev.lambdaruntime.runtime.InvocationContext;
import dev.lambdaruntime.runtime.InvocationHandler;
import dev.lambdaruntime.runtime.InvocationResponse;
import org.jspecify.annotations.Nullable;

/**
 * In a local run, serves each invocation with the function its invoked name names, per
 * invocation: {@code /2015-03-31/functions/greet/invocations}, or {@code greet} in the emulator's
 * page, runs the application's {@code greet} function; any other name (the emulator's own function
 * name, say) runs the function the application chose. Lambda would route such a call to another
 * function; locally, one application holds them all.
 *
 * @since 0.1.0
 */
public final class InvokedFunctionRouter implements InvocationHandler {

	/** The place of the function name in {@code arn:aws:lambda:REGION:ACCOUNT:function:NAME[:QUALIFIER]}. */
	private static final int NAME_INDEX = 6;

	private final InvocationHandler chosen;

	private final Function<String, Optional<InvocationHandler>> byName;

	private final Map<String, Optional<InvocationHandler>> handlers = new ConcurrentHashMap<>();

	/**
	 * Creates a router.
	 * @param chosen the handler of the function the application chose
	 * @param byName the handler of the function of a name, empty if no function has that name
	 */
	public InvokedFunctionRouter(InvocationHandler chosen, Function<String, Optional<InvocationHandler>> byName) {
		this.chosen = chosen;
		this.byName = byName;
	}

	@Override
	public InvocationResponse handle(Invocation invocation, InvocationContext context) throws Exception {
		String name = functionName(invocation.invokedFunctionArn());
		InvocationHandler handler = (name != null)
				? this.handlers.computeIfAbsent(name, this.byName).orElse(this.chosen) : this.chosen;
		return handler.handle(invocation, context);
	}

	@Override
	public String toString() {
		return this.chosen + ", or the function the invoked name names";
	}

	private static @Nullable String functionName(@Nullable String arn) {
		if (arn == null) {
			return null;
		}
		String[] parts = arn.split(":");
		return (parts.length > NAME_INDEX) ? parts[NAME_INDEX] : null;
	}

}

package dev.lambdaruntime.emulator.launcher;

import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/**
 * A plain handler for AWS's own Java runtime client, as its users write them: logs whom it
 * greets, greets by name, and fails for the name {@code nobody}; for the name {@code everybody}
 * it answers more than Lambda's 6 MB, and {@code sleepy} takes a second and a half.
 */
public class GreetingHandler implements RequestHandler<Map<String, Object>, String> {

	/** How long greeting {@code sleepy} takes. */
	static final long SLEEPY_MILLIS = 1500;

	@Override
	public String handleRequest(Map<String, Object> input, Context context) {
		Object name = input.get("name");
		context.getLogger().log("Greeting " + name + "\n");
		if ("nobody".equals(name)) {
			throw new IllegalArgumentException("Cannot greet nobody");
		}
		if ("everybody".equals(name)) {
			return "Hello, " + "everybody ".repeat(700_000);
		}
		if ("sleepy".equals(name)) {
			try {
				Thread.sleep(SLEEPY_MILLIS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		return "Hello, " + name + " from " + context.getFunctionName() + "!";
	}

}

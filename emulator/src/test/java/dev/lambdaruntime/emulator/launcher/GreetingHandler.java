package dev.lambdaruntime.emulator.launcher;

import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/**
 * A plain handler for AWS's own Java runtime client, as its users write them: greets by name,
 * and fails for the name {@code nobody}.
 */
public class GreetingHandler implements RequestHandler<Map<String, Object>, String> {

	@Override
	public String handleRequest(Map<String, Object> input, Context context) {
		Object name = input.get("name");
		if ("nobody".equals(name)) {
			throw new IllegalArgumentException("Cannot greet nobody");
		}
		return "Hello, " + name + " from " + context.getFunctionName() + "!";
	}

}

package dev.lambdaruntime.emulator.launcher;

import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/**
 * A handler for AWS's own Java runtime client whose construction fails, so that the client
 * reports an init error.
 */
public class FailingInitHandler implements RequestHandler<Map<String, Object>, String> {

	public FailingInitHandler() {
		throw new IllegalStateException("No configuration found");
	}

	@Override
	public String handleRequest(Map<String, Object> input, Context context) {
		throw new UnsupportedOperationException("never constructed");
	}

}

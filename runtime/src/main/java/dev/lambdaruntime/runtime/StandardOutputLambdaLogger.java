package dev.lambdaruntime.runtime;

import java.io.PrintStream;

import com.amazonaws.services.lambda.runtime.LambdaLogger;

/**
 * The {@link LambdaLogger} of every context: writes each message to standard output, which
 * Lambda sends to CloudWatch Logs, as the managed runtime's logger does in text mode.
 */
final class StandardOutputLambdaLogger implements LambdaLogger {

	static final StandardOutputLambdaLogger INSTANCE = new StandardOutputLambdaLogger();

	private StandardOutputLambdaLogger() {
	}

	@Override
	public void log(String message) {
		PrintStream out = System.out;
		out.print(message);
		out.flush();
	}

	@Override
	public void log(byte[] message) {
		PrintStream out = System.out;
		out.write(message, 0, message.length);
		out.flush();
	}

}

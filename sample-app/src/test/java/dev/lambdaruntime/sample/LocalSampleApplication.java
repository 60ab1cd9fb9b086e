package dev.lambdaruntime.sample;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import dev.lambdaruntime.test.InvocationResult;
import dev.lambdaruntime.test.LambdaEmulator;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs the sample function on this machine against the embedded Runtime API emulator, sends it
 * one event (the first argument, {@code "hello"} by default) and prints the answer.
 */
public final class LocalSampleApplication {

	private LocalSampleApplication() {
	}

	public static void main(String[] args) throws Exception {
		String event = (args.length > 0) ? args[0] : "\"hello\"";
		try (LambdaEmulator emulator = LambdaEmulator.start()) {
			try (ConfigurableApplicationContext application = SpringApplication.from(SampleApplication::main)
				.run("--lambda.runtime.api=" + emulator.runtimeApi())
				.getApplicationContext()) {
				InvocationResult result = emulator.invoke(event).get(30, TimeUnit.SECONDS);
				System.out.printf("%nEvent:    %s%n%s %s%nRequest:  %s in %d ms%n%n", event,
						result.isError() ? "Error:   " : "Response:", new String(result.payload(), StandardCharsets.UTF_8),
						result.requestId(), result.duration().toMillis());
			}
		}
	}

}

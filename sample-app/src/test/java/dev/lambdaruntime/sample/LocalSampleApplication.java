package dev.lambdaruntime.sample;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.lambdaruntime.emulator.InvocationResult;
import dev.lambdaruntime.emulator.LambdaEmulator;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs the sample function on this machine against the embedded Lambda emulator, as the README's
 * first command does ({@code spring-boot:test-run}): starts the emulator on 127.0.0.1:8080 (or
 * any free port when that one is taken), starts the sample pointed at it, sends it one event and
 * prints the answer, then prints the emulator's page and a curl line and serves until Ctrl-C.
 * <p>
 * Arguments: {@code [--port N] [--exit] [EVENT]}. {@code --exit} stops after the first answer;
 * {@code EVENT} is the JSON of the first event, {@code "hello"} by default. The system
 * properties {@code lambda.local.port} and {@code lambda.local.exit=true} do the same as the
 * options, for runs from an IDE.
 */
public final class LocalSampleApplication {

	private LocalSampleApplication() {
	}

	public static void main(String[] args) throws Exception {
		Options options = Options.parse(args);
		try (LambdaEmulator emulator = startEmulator(options.port());
				ConfigurableApplicationContext application = SpringApplication.from(SampleApplication::main)
					.run("--lambda.runtime.api=" + emulator.runtimeApi())
					.getApplicationContext()) {
			InvocationResult result = emulator.invoke(options.event()).get(30, TimeUnit.SECONDS);
			System.out.printf("%nEvent:    %s%n%s %s%nRequest:  %s in %d ms%n%n", options.event(),
					result.isError() ? "Error:   " : "Response:", new String(result.payload(), StandardCharsets.UTF_8),
					result.requestId(), result.duration().toMillis());
			if (options.exit()) {
				return;
			}
			System.out.printf("The function serves invocations until Ctrl-C. Invoke it from a browser at%n  %s%n"
					+ "or with curl:%n  curl -s -X POST %s -d '\"hello\"'%n%n", emulator.pageUrl(),
					emulator.invokeUrl());
			new CountDownLatch(1).await();
		}
	}

	private static LambdaEmulator startEmulator(int port) {
		try {
			return LambdaEmulator.builder().port(port).build();
		}
		catch (UncheckedIOException ex) {
			System.out.printf("Port %d is taken: the emulator listens on a free one instead.%n", port);
			return LambdaEmulator.start();
		}
	}

	/**
	 * The command line.
	 *
	 * @param port the port to try first
	 * @param exit whether to stop after the first answer
	 * @param event the first event
	 */
	private record Options(int port, boolean exit, String event) {

		static Options parse(String[] args) {
			int port = Integer.getInteger("lambda.local.port", 8080);
			boolean exit = Boolean.getBoolean("lambda.local.exit");
			String event = "\"hello\"";
			for (int i = 0; i < args.length; i++) {
				if (args[i].equals("--exit")) {
					exit = true;
				}
				else if (args[i].equals("--port") && i + 1 < args.length) {
					port = Integer.parseInt(args[++i]);
				}
				else {
					event = args[i];
				}
			}
			return new Options(port, exit, event);
		}

	}

}

package dev.lambdaruntime.sample;

import dev.lambdaruntime.test.run.LambdaEmulatorConfiguration;

import org.springframework.boot.SpringApplication;

/**
 * Runs the sample from an IDE under the Lambda emulator, with its page on 127.0.0.1:8080 (or any
 * free port when that one is taken); {@code --lambda.function=greet} chooses the other function.
 * From the command line, {@code ./mvnw -pl sample-app lambda-runtime:run} does the same with no
 * code at all.
 */
public final class LocalSampleApplication {

	private LocalSampleApplication() {
	}

	public static void main(String[] args) {
		SpringApplication.from(SampleApplication::main).with(LambdaEmulatorConfiguration.class).run(args);
	}

}

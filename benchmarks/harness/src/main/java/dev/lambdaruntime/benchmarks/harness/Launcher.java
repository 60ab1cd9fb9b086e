package dev.lambdaruntime.benchmarks.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts contenders as a 512 MB function would run them, {@code java -XX:MaxRAM=512m …}, with
 * their output in {@code <contender>-<payload>.log}.
 */
final class Launcher {

	static final String MAX_RAM = "-XX:MaxRAM=512m";

	/** Deep enough for Spring's stacks, so that profiles keep the frames of the loop. */
	private static final String PROFILE_STACK_DEPTH = "-XX:FlightRecorderOptions:stackdepth=256";

	private final Path java;

	private final Path logs;

	private final boolean profile;

	private Launcher(Path java, Path logs, boolean profile) {
		this.java = java;
		this.logs = logs;
		this.profile = profile;
	}

	/** Launches with the given {@code java}, logging into a directory it creates. */
	static Launcher create(Path java, Path logs, boolean profile) throws IOException {
		Files.createDirectories(logs);
		return new Launcher(java, logs, profile);
	}

	ContenderProcess launch(Contender contender, Payload payload, String runtimeApi) throws IOException {
		List<String> command = new ArrayList<>(List.of(this.java.toString(), MAX_RAM));
		if (this.profile) {
			command.add(PROFILE_STACK_DEPTH);
		}
		command.addAll(contender.launchArguments());
		return ContenderProcess.start(command, LambdaVariables.of(runtimeApi, contender),
				this.logs.resolve(contender.runName(payload) + ".log"));
	}

}

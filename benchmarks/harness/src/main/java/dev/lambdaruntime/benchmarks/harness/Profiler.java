package dev.lambdaruntime.benchmarks.harness;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Records a contender's CPU samples over its measured invocations only, with JFR started and
 * stopped through {@code jcmd}, into {@code <contender>-<payload>.jfr}; {@link ProfileSummary}
 * reads them.
 */
final class Profiler {

	private static final String SETTINGS = "cpu-sampling.jfc";

	private static final String RECORDING = "name=benchmark";

	private final Path jcmd;

	private final Path settings;

	private final Path directory;

	private Profiler(Path jcmd, Path settings, Path directory) {
		this.jcmd = jcmd;
		this.settings = settings;
		this.directory = directory;
	}

	/** A profiler using the {@code jcmd} next to {@code java}, writing into {@code directory}. */
	static Profiler create(Path java, Path directory) throws IOException {
		Files.createDirectories(directory);
		Path settings = directory.resolve(SETTINGS);
		try (InputStream in = Profiler.class.getResourceAsStream(SETTINGS)) {
			Files.copy(in, settings, StandardCopyOption.REPLACE_EXISTING);
		}
		return new Profiler(java.resolveSibling("jcmd"), settings, directory);
	}

	/** Starts recording; the returned action stops it and writes the recording. */
	Recording start(ContenderProcess process, String runName) throws IOException, InterruptedException, RunFailure {
		jcmd(process, "JFR.start", RECORDING, "settings=" + this.settings);
		return () -> jcmd(process, "JFR.stop", RECORDING, "filename=" + this.directory.resolve(runName + ".jfr"));
	}

	private void jcmd(ContenderProcess process, String... command) throws IOException, InterruptedException,
			RunFailure {
		List<String> line = new ArrayList<>(List.of(this.jcmd.toString(), Long.toString(process.pid())));
		line.addAll(List.of(command));
		Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).start();
		String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (jcmd.waitFor() != 0) {
			throw new RunFailure("jcmd " + String.join(" ", command) + " failed: " + output.trim());
		}
	}

	/** A recording in progress. */
	@FunctionalInterface
	interface Recording {

		/** Stops the recording and writes it. */
		void stop() throws IOException, InterruptedException, RunFailure;

	}

}

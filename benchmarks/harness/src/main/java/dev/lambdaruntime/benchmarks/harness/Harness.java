package dev.lambdaruntime.benchmarks.harness;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs every contender with every payload, prints the markdown report and writes it to
 * {@code benchmarks/RESULTS.md}. Run {@code ./mvnw -q package -DskipTests} first.
 *
 * @since 0.1.0
 */
public final class Harness {

	private static final String JAR = "benchmarks/harness/target/lambda-runtime-benchmarks-harness.jar";

	private Harness() {
	}

	/** Runs the benchmarks; {@code --help} lists the options. */
	public static void main(String[] args) throws IOException, InterruptedException, URISyntaxException {
		if (List.of(args).contains("--help")) {
			System.out.println(HarnessOptions.USAGE);
			return;
		}
		HarnessOptions options = HarnessOptions.parse(args);
		Path benchmarks = benchmarksDirectory();
		List<Contender> contenders = options.selectedContenders(benchmarks);
		for (Contender contender : contenders) {
			if (!Files.isRegularFile(contender.artifact())) {
				throw new IllegalStateException(contender.artifact() + " is missing: run ./mvnw -q package -DskipTests");
			}
		}
		Path logs = benchmarks.resolve("target/logs");
		InterleavedRun run = new InterleavedRun(Launcher.create(options.java(), logs, options.profile()),
				options.profile() ? Profiler.create(options.java(), logs) : null);
		String date = ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT));
		String loadAtStart = Platform.loadAverage();
		Map<String, List<RunResult>> rounds = new LinkedHashMap<>();
		for (int round = 1; round <= options.rounds(); round++) {
			for (Payload payload : options.payloads()) {
				for (RunResult result : run.run(contenders, payload)) {
					System.out.println(progress(round, result));
					rounds.computeIfAbsent(payload.key() + " " + result.contender().key(), (key) -> new ArrayList<>())
						.add(result);
				}
			}
		}
		ReportHeader header = new ReportHeader(date, ("java -jar " + JAR + " " + String.join(" ", args)).trim(),
				Platform.jdk(options.java()), Platform.machine(), loadAtStart + " / " + Platform.loadAverage(),
				options.rounds());
		String report = new ResultsReport(header, rounds.values().stream().map(RunResult::median).toList()).markdown();
		Path output = (options.output() != null) ? options.output() : benchmarks.resolve("RESULTS.md");
		Files.writeString(output, report);
		System.out.println();
		System.out.println(report);
		System.out.println("Written to " + output);
	}

	private static String progress(int round, RunResult result) {
		Measurement m = result.measurement();
		String outcome = (m != null) ? String.format(Locale.ROOT, "init %,d ms, %,.0f/s, %,d µs CPU per invocation",
				m.initMillis(), m.throughputPerSecond(), m.cpuPerInvocation().totalNanos() / 1000)
				: "failed: " + result.failure();
		return "round " + round + ", " + result.contender().key() + " " + result.payload().label() + ": " + outcome;
	}

	/** {@code benchmarks/}, three levels above this class's jar or classes directory. */
	static Path benchmarksDirectory() throws URISyntaxException {
		Path location = Path.of(Harness.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		return location.getParent().getParent().getParent();
	}

}

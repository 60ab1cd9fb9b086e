package dev.lambdaruntime.benchmarks.harness;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The harness's command line.
 *
 * @param javaHome the JDK that runs the contenders, {@code null} for the harness's own
 * @param contenders the keys of the contenders to run, in order
 * @param payloads the payloads to run, in order
 * @param rounds how many times to run each contender with each payload, reporting the medians
 * @param profile whether to record CPU samples of every contender with JFR
 * @param output where to write the report, {@code null} for {@code benchmarks/RESULTS.md}
 */
record HarnessOptions(@Nullable Path javaHome, List<String> contenders, List<Payload> payloads, int rounds,
		boolean profile, @Nullable Path output) {

	static final String USAGE = """
			Usage: java -jar benchmarks/harness/target/lambda-runtime-benchmarks-harness.jar [options]
			  --java-home DIR      JDK that runs the contenders (default: the one running the harness)
			  --contenders LIST    among starter,scf,ric,floor (default: all)
			  --payloads LIST      among 100B,64KB,1MB,6MB (default: all)
			  --rounds N           run everything N times, interleaved, and report medians (default: 1)
			  --quick              a tenth of the events, for a quick look
			  --profile            record CPU samples of 30 times as many measured invocations with JFR
			                       into benchmarks/target/logs/<contender>-<payload>.jfr (see ProfileSummary)
			  --output FILE        where to write the report (default: benchmarks/RESULTS.md)""";

	static HarnessOptions parse(String... args) {
		Path javaHome = null;
		List<String> contenders = List.of(Contenders.OURS, Contenders.SPRING_CLOUD_FUNCTION,
				Contenders.RUNTIME_INTERFACE_CLIENT, Contenders.FLOOR);
		List<Payload> payloads = Payload.ALL;
		int rounds = 1;
		boolean quick = false;
		boolean profile = false;
		Path output = null;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--java-home" -> javaHome = Path.of(value(args, ++i));
				case "--contenders" -> contenders = List.of(value(args, ++i).split(","));
				case "--payloads" -> payloads = payloads(value(args, ++i));
				case "--rounds" -> rounds = Integer.parseInt(value(args, ++i));
				case "--quick" -> quick = true;
				case "--profile" -> profile = true;
				case "--output" -> output = Path.of(value(args, ++i));
				default -> throw new IllegalArgumentException("Unknown option " + args[i] + "\n" + USAGE);
			}
		}
		if (rounds < 1) {
			throw new IllegalArgumentException("--rounds needs a positive count\n" + USAGE);
		}
		List<Payload> sized = quick ? payloads.stream().map(Payload::quick).toList() : payloads;
		return new HarnessOptions(javaHome, contenders,
				profile ? sized.stream().map(Payload::profiled).toList() : sized, rounds, profile, output);
	}

	private static String value(String[] args, int index) {
		if (index >= args.length) {
			throw new IllegalArgumentException(args[index - 1] + " needs a value\n" + USAGE);
		}
		return args[index];
	}

	private static List<Payload> payloads(String keys) {
		return Arrays.stream(keys.split(","))
			.map((key) -> Payload.ALL.stream()
				.filter((payload) -> payload.key().equalsIgnoreCase(key.trim()))
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException("Unknown payload " + key + "\n" + USAGE)))
			.toList();
	}

	/** The {@code java} executable that runs the contenders. */
	Path java() {
		Path home = (this.javaHome != null) ? this.javaHome : Path.of(System.getProperty("java.home"));
		return home.resolve("bin/java");
	}

	/** The contenders chosen, in order. */
	List<Contender> selectedContenders(Path benchmarks) {
		List<Contender> all = Contenders.all(benchmarks);
		return this.contenders.stream()
			.map((key) -> all.stream()
				.filter((contender) -> contender.key().equals(key.trim().toLowerCase(Locale.ROOT)))
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException("Unknown contender " + key + "\n" + USAGE)))
			.toList();
	}

}

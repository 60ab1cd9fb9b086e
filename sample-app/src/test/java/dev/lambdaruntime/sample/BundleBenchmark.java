package dev.lambdaruntime.sample;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.lambdaruntime.emulator.InvocationResult;
import dev.lambdaruntime.emulator.LambdaEmulator;

/**
 * Cold start of the bundle beside its peers, measured in one run on this machine, every JVM from
 * the same JDK and limited as a 512 MB function's: for each, the init time (process start to its
 * first {@code next}), the first answer (process start to its first response posted), the CPU time
 * and the peak RSS ({@code VmHWM}) once it has answered. Contenders take turns, round after round
 * (one warm-up round is not counted); the table, README-ready markdown, shows medians with their
 * spread (min-max) and ratios to AWS's runtime interface client started as Lambda's managed Java
 * runtime starts it ({@code -XX:TieredStopAtLevel=1 -XX:+UseSerialGC}) and started plainly.
 * <p>
 * Run it with {@code ./mvnw -pl sample-app -Pbundle-bench verify -DskipTests}
 * ({@code -Dbundle-bench.rounds=N}, 11 by default), after the plugin made the bundle; the other
 * contenders run on the bundle's JDK ({@code bundle-bench.jdk}). For A/B runs:
 * {@code -Dbundle-bench.baseline=PATH} adds another bundle's {@code bootstrap};
 * {@code -Dbundle-bench.options='-Xss512k|-Dspring.main.lazy-initialization=true'} adds the bundle started with
 * each {@code |}-separated set of JVM flags ({@code BOOTSTRAP_JAVA_OPTIONS}); and
 * {@code -Dbundle-bench.all=true} adds the application started with {@code java -jar};
 * {@code -Dbundle-bench.scf=false} leaves the adapter out (15 s a round on a busy machine).
 */
public final class BundleBenchmark {

	private static final String EVENT = "\"hello\"";

	/** The event of the adapter's contender, whose function takes an order. */
	private static final String ORDER_EVENT = "{\"id\":\"o-1\",\"quantity\":2,\"note\":\"hello\"}";

	private static final long CLOCK_TICKS_PER_SECOND = 100;

	private static final String RIC_MANAGED = "AWS RIC, the managed runtime's flags";

	private static final String RIC_PLAIN = "AWS RIC, plain";

	private final Path target = Path.of("target").toAbsolutePath();

	private BundleBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int rounds = (args.length > 0) ? Integer.parseInt(args[0]) : 11;
		new BundleBenchmark().run(rounds);
	}

	private void run(int rounds) throws Exception {
		Path jdk = Path.of(System.getProperty("bundle-bench.jdk", System.getProperty("java.home")));
		List<Contender> contenders = contenders(jdk.resolve("bin").resolve("java").toString());
		Map<Contender, List<Sample>> samples = new LinkedHashMap<>();
		for (int round = 0; round <= rounds; round++) {
			for (Contender contender : contenders) {
				Sample sample = measure(contender);
				if (round > 0) {
					samples.computeIfAbsent(contender, (key) -> new ArrayList<>()).add(sample);
				}
			}
		}
		print(jdk, rounds, samples);
	}

	private List<Contender> contenders(String java) throws IOException {
		String ric = ricClasspath();
		String handler = Uppercase.class.getName() + "::handleRequest";
		String awsLambda = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
		String bootstrap = this.target.resolve("lambda/bootstrap").toString();
		List<Contender> contenders = new ArrayList<>();
		contenders.add(new Contender("bundle (`bootstrap`)", "bootstrap", List.of(bootstrap), Map.of()));
		for (String options : System.getProperty("bundle-bench.options", "").split("\\|")) {
			if (!options.isBlank()) {
				contenders.add(new Contender("bundle with `" + options.strip() + "`", "bootstrap", List.of(bootstrap),
						Map.of("BOOTSTRAP_JAVA_OPTIONS", options.strip())));
			}
		}
		contenders.add(new Contender("bundle, unzipped without file times", "bootstrap",
				List.of(unzipWithoutFileTimes().resolve("bootstrap").toString()), Map.of()));
		String baseline = System.getProperty("bundle-bench.baseline", "");
		if (!baseline.isBlank()) {
			contenders.add(new Contender("baseline bundle (" + baseline + ")", "bootstrap", List.of(baseline), Map.of()));
		}
		if (Boolean.getBoolean("bundle-bench.all")) {
			contenders.add(new Contender("same application, `java -jar`", "bootstrap",
					List.of(java, "-XX:MaxRAM=512m", "-jar", applicationJar()), Map.of()));
		}
		contenders.add(new Contender(RIC_PLAIN, handler, List.of(java, "-XX:MaxRAM=512m", "-cp", ric, awsLambda, handler),
				Map.of()));
		contenders.add(new Contender(RIC_MANAGED, handler, List.of(java, "-XX:MaxRAM=512m", "-XX:TieredStopAtLevel=1",
				"-XX:+UseSerialGC", "-cp", ric, awsLambda, handler), Map.of()));
		Path scf = Path.of("../benchmarks/contender-scf/target/lambda-runtime-benchmarks-contender-scf.jar");
		if (Files.exists(scf) && !"false".equals(System.getProperty("bundle-bench.scf", "true"))) {
			contenders.add(new Contender("SCF AWS adapter, `java -jar`", "checkout",
					List.of(java, "-XX:MaxRAM=512m", "-jar", scf.toAbsolutePath().toString()), Map.of(), ORDER_EVENT));
		}
		return contenders;
	}

	private String applicationJar() throws IOException {
		try (Stream<Path> files = Files.list(this.target)) {
			return files.map(Path::toString)
				.filter((name) -> name.matches(".*/lambda-runtime-sample-app-[^/]*\\.jar"))
				.findFirst()
				.orElseThrow();
		}
	}

	/**
	 * Unzips {@code function.zip} as Python's zipfile does: file modes kept, modification times
	 * not, so that {@code bootstrap} has to restore its AOT cache's view of the jars.
	 */
	private Path unzipWithoutFileTimes() throws IOException {
		Path root = this.target.resolve("bundle-bench-no-times");
		FunctionZipExtraction.unzip(this.target.resolve("function.zip"), root, false);
		return root;
	}

	/**
	 * The runtime interface client and the one-line handler below, and nothing else of this
	 * classpath.
	 */
	private String ricClasspath() {
		Stream<String> aws = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter((entry) -> entry.contains("com/amazonaws/aws-lambda-java-")
					|| entry.contains("software/amazon/awssdk/"));
		return String.join(File.pathSeparator,
				Stream.concat(Stream.of(this.target.resolve("test-classes").toString()), aws).toList());
	}

	private Sample measure(Contender contender) throws Exception {
		try (LambdaEmulator emulator = LambdaEmulator.builder().logOutput((line) -> {
		}).build()) {
			CompletableFuture<InvocationResult> answer = emulator.invoke(contender.event());
			ProcessBuilder builder = new ProcessBuilder(contender.command()).directory(this.target.getParent().toFile())
				.redirectErrorStream(true)
				.redirectOutput(this.target.resolve("bundle-bench.log").toFile());
			builder.environment().clear();
			builder.environment().putAll(lambdaVariables(emulator.runtimeApi(), contender.handler()));
			builder.environment().putAll(contender.environment());
			long start = System.nanoTime();
			Process process = builder.start();
			try {
				InvocationResult result = answer.get(120, TimeUnit.SECONDS);
				long firstAnswer = System.nanoTime() - start;
				if (result.isError()) {
					throw new IllegalStateException(contender.name() + " failed: " + result.payloadAsString());
				}
				String status = Files.readString(Path.of("/proc", Long.toString(process.pid()), "status"));
				String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
				String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
				long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
				long peakRssKb = status.lines()
					.filter((line) -> line.startsWith("VmHWM:"))
					.mapToLong((line) -> Long.parseLong(line.replaceAll("\\D", "")))
					.findFirst()
					.orElseThrow();
				return new Sample(TimeUnit.NANOSECONDS.toMillis(firstAnswer - result.duration().toNanos()),
						TimeUnit.NANOSECONDS.toMillis(firstAnswer), ticks * 1000 / CLOCK_TICKS_PER_SECOND,
						peakRssKb / 1024);
			}
			finally {
				process.destroyForcibly();
				process.waitFor();
			}
		}
	}

	private static Map<String, String> lambdaVariables(String runtimeApi, String handler) {
		Map<String, String> variables = new LinkedHashMap<>();
		variables.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
		variables.put("TZ", ":UTC");
		variables.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
		variables.put("_HANDLER", handler);
		variables.put("AWS_LAMBDA_FUNCTION_NAME", "bundle-bench");
		variables.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
		variables.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512");
		variables.put("AWS_REGION", "us-east-1");
		// where bootstrap copies the jars of a bundle unzipped without file times: Lambda's is /tmp
		variables.put("TMPDIR", Path.of("target").toAbsolutePath().toString());
		return variables;
	}

	private static void print(Path jdk, int rounds, Map<Contender, List<Sample>> samples) {
		Sample managed = median(samplesOf(samples, RIC_MANAGED));
		Sample plain = median(samplesOf(samples, RIC_PLAIN));
		System.out.printf("%nCold start, %d rounds, median (min-max); JVMs from %s, -XX:MaxRAM=512m%n%n", rounds, jdk);
		System.out.println("| contender | init (ms) | × RIC managed | × RIC plain | first answer (ms) | × RIC managed"
				+ " | × RIC plain | CPU to first answer (ms) | peak RSS (MB) |");
		System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
		samples.forEach((contender, list) -> {
			Sample median = median(list);
			System.out.printf("| %s | %s | %.2f | %.2f | %s | %.2f | %.2f | %s | %d |%n", contender.name(),
					spread(list, Sample::initMillis), ratio(median, managed, Sample::initMillis),
					ratio(median, plain, Sample::initMillis), spread(list, Sample::answerMillis),
					ratio(median, managed, Sample::answerMillis), ratio(median, plain, Sample::answerMillis),
					spread(list, Sample::cpuMillis), median.peakRssMb());
		});
		System.out.println();
	}

	private static List<Sample> samplesOf(Map<Contender, List<Sample>> samples, String name) {
		return samples.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().name().equals(name))
			.findFirst()
			.orElseThrow()
			.getValue();
	}

	private static double ratio(Sample sample, Sample reference, ToLongFunction<Sample> value) {
		return (double) value.applyAsLong(sample) / value.applyAsLong(reference);
	}

	private static String spread(List<Sample> samples, ToLongFunction<Sample> value) {
		long[] sorted = sorted(samples, value);
		return String.format("%,d (%,d–%,d)", sorted[sorted.length / 2], sorted[0], sorted[sorted.length - 1]);
	}

	private static Sample median(List<Sample> samples) {
		return new Sample(median(samples, Sample::initMillis), median(samples, Sample::answerMillis),
				median(samples, Sample::cpuMillis), median(samples, Sample::peakRssMb));
	}

	private static long median(List<Sample> samples, ToLongFunction<Sample> value) {
		long[] sorted = sorted(samples, value);
		return sorted[sorted.length / 2];
	}

	private static long[] sorted(List<Sample> samples, ToLongFunction<Sample> value) {
		return samples.stream().mapToLong(value).sorted().toArray();
	}

	private record Contender(String name, String handler, List<String> command, Map<String, String> environment,
			String event) {

		Contender(String name, String handler, List<String> command, Map<String, String> environment) {
			this(name, handler, command, environment, EVENT);
		}

	}

	private record Sample(long initMillis, long answerMillis, long cpuMillis, long peakRssMb) {
	}

	/**
	 * The RIC's contender: the same one-line function as {@code uppercase}.
	 */
	public static final class Uppercase implements RequestHandler<String, String> {

		@Override
		public String handleRequest(String input, Context context) {
			return input.toUpperCase();
		}

	}

}

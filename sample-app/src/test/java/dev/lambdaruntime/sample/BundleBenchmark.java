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
 * Cold start of the bundle beside its peers, measured in one run on this machine, every JVM limited
 * as a 512 MB function's: for each, the init time (process start to its first {@code next}), the
 * CPU time and the peak RSS ({@code VmHWM}) once it has answered its first event. Contenders take
 * turns, round after round (one warm-up round is not counted); the table shows medians.
 * <p>
 * Run it with {@code ./mvnw -pl sample-app -Pbundle-bench verify -DskipTests}
 * ({@code -Dbundle-bench.rounds=N}, 11 by default), after the plugin made the bundle; the other
 * contenders run on the bundle's JDK ({@code bundle-bench.jdk}). {@code -Dbundle-bench.baseline=PATH}
 * adds another bundle's {@code bootstrap}, to compare with.
 */
public final class BundleBenchmark {

	private static final String EVENT = "\"hello\"";

	private static final long CLOCK_TICKS_PER_SECOND = 100;

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
		String appJar;
		try (Stream<Path> files = Files.list(this.target)) {
			appJar = files.map(Path::toString).filter((name) -> name.matches(".*/lambda-runtime-sample-app-[^/]*\\.jar"))
				.findFirst()
				.orElseThrow();
		}
		String ric = ricClasspath();
		String handler = Uppercase.class.getName() + "::handleRequest";
		String awsLambda = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
		List<Contender> contenders = new ArrayList<>();
		contenders.add(new Contender("bundle (bootstrap)", "bootstrap",
				List.of(this.target.resolve("lambda/bootstrap").toString())));
		contenders.add(new Contender("bundle, unzipped without file times", "bootstrap",
				List.of(unzipWithoutFileTimes().resolve("bootstrap").toString())));
		String baseline = System.getProperty("bundle-bench.baseline");
		if (baseline != null) {
			contenders.add(new Contender("baseline bundle (" + baseline + ")", "bootstrap", List.of(baseline)));
		}
		contenders.add(new Contender("same app, java -jar", "bootstrap", List.of(java, "-XX:MaxRAM=512m", "-jar", appJar)));
		contenders.add(new Contender("AWS RIC, plain", handler,
				List.of(java, "-XX:MaxRAM=512m", "-cp", ric, awsLambda, handler)));
		contenders.add(new Contender("AWS RIC, the bundle's GC and JIT flags", handler, List.of(java, "-XX:MaxRAM=512m",
				"-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-cp", ric, awsLambda, handler)));
		Path scf = Path.of("../benchmarks/contender-scf/target/lambda-runtime-benchmarks-contender-scf.jar");
		if (Files.exists(scf)) {
			contenders.add(new Contender("SCF AWS adapter, java -jar", "checkout",
					List.of(java, "-XX:MaxRAM=512m", "-jar", scf.toAbsolutePath().toString())));
		}
		return contenders;
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
		try (LambdaEmulator emulator = LambdaEmulator.start()) {
			CompletableFuture<InvocationResult> answer = emulator.invoke(EVENT);
			ProcessBuilder builder = new ProcessBuilder(contender.command()).directory(this.target.getParent().toFile())
				.redirectErrorStream(true)
				.redirectOutput(this.target.resolve("bundle-bench.log").toFile());
			builder.environment().clear();
			builder.environment().putAll(lambdaVariables(emulator.runtimeApi(), contender.handler()));
			long start = System.nanoTime();
			Process process = builder.start();
			try {
				InvocationResult result = answer.get(120, TimeUnit.SECONDS);
				long init = System.nanoTime() - start - result.duration().toNanos();
				String status = Files.readString(Path.of("/proc", Long.toString(process.pid()), "status"));
				String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
				String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
				long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
				long peakRssKb = status.lines()
					.filter((line) -> line.startsWith("VmHWM:"))
					.mapToLong((line) -> Long.parseLong(line.replaceAll("\\D", "")))
					.findFirst()
					.orElseThrow();
				return new Sample(TimeUnit.NANOSECONDS.toMillis(init), ticks * 1000 / CLOCK_TICKS_PER_SECOND,
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
		Sample ric = median(samples.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().name().equals("AWS RIC, plain"))
			.findFirst()
			.orElseThrow()
			.getValue());
		System.out.printf("%nCold start, %d rounds, median; JVMs from %s, -XX:MaxRAM=512m%n%n", rounds, jdk);
		System.out.println("| contender | init (ms) | × RIC | CPU to first answer (ms) | peak RSS (MB) | × RIC |");
		System.out.println("|---|---:|---:|---:|---:|---:|");
		samples.forEach((contender, list) -> {
			Sample median = median(list);
			System.out.printf("| %s | %d | %.2f | %d | %d | %.2f |%n", contender.name(), median.initMillis(),
					(double) median.initMillis() / ric.initMillis(), median.cpuMillis(), median.peakRssMb(),
					(double) median.peakRssMb() / ric.peakRssMb());
		});
		System.out.println();
	}

	private static Sample median(List<Sample> samples) {
		return new Sample(median(samples, Sample::initMillis), median(samples, Sample::cpuMillis),
				median(samples, Sample::peakRssMb));
	}

	private static long median(List<Sample> samples, ToLongFunction<Sample> value) {
		long[] sorted = samples.stream().mapToLong(value).sorted().toArray();
		return sorted[sorted.length / 2];
	}

	private record Contender(String name, String handler, List<String> command) {
	}

	private record Sample(long initMillis, long cpuMillis, long peakRssMb) {
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

package dev.lambdaruntime.benchmarks.harness;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises the CPU samples of JFR recordings made with {@code --profile}: the methods the
 * samples were in (self), the layers they went through (inclusive), and the methods of ours
 * they went through. Run:
 * {@code java -cp benchmarks/harness/target/lambda-runtime-benchmarks-harness.jar dev.lambdaruntime.benchmarks.harness.ProfileSummary benchmarks/target/logs/starter-100B.jfr}.
 *
 * @since 0.1.0
 */
public final class ProfileSummary {

	private static final int TOP = 25;

	private static final String OURS = "dev.lambdaruntime.";

	private static final Pattern HIDDEN_CLASS_SUFFIX = Pattern.compile("(\\$\\$Lambda)\\$?[0-9]*[/+].*$");

	/** Layers a sample may go through, by package prefix, in the order they are reported. */
	private static final Map<String, List<String>> LAYERS = layers();

	private final Map<String, Integer> selfByMethod = new HashMap<>();

	private final Map<String, Integer> throughLayer = new HashMap<>();

	private final Map<String, Integer> throughOurMethod = new HashMap<>();

	private final Map<String, Integer> byThread = new HashMap<>();

	private int samples;

	private ProfileSummary() {
	}

	/** Prints one summary of the samples of all the recordings given. */
	public static void main(String[] args) throws IOException {
		ProfileSummary summary = new ProfileSummary();
		for (String file : args) {
			try (RecordingFile recording = new RecordingFile(Path.of(file))) {
				while (recording.hasMoreEvents()) {
					summary.add(recording.readEvent());
				}
			}
		}
		System.out.println(summary.report(String.join(", ", args)));
	}

	private void add(RecordedEvent event) {
		RecordedStackTrace stack = event.getStackTrace();
		if (!"jdk.ExecutionSample".equals(event.getEventType().getName()) || stack == null
				|| stack.getFrames().isEmpty()) {
			return;
		}
		this.samples++;
		this.byThread.merge(event.getThread("sampledThread").getJavaName(), 1, Integer::sum);
		List<RecordedFrame> frames = stack.getFrames();
		this.selfByMethod.merge(name(frames.get(0)), 1, Integer::sum);
		Set<String> layers = new HashSet<>();
		Set<String> ourMethods = new HashSet<>();
		for (RecordedFrame frame : frames) {
			String method = name(frame);
			LAYERS.forEach((layer, prefixes) -> {
				if (prefixes.stream().anyMatch(method::startsWith)) {
					layers.add(layer);
				}
			});
			if (method.startsWith(OURS)) {
				ourMethods.add(method);
			}
		}
		layers.forEach((layer) -> this.throughLayer.merge(layer, 1, Integer::sum));
		ourMethods.forEach((method) -> this.throughOurMethod.merge(method, 1, Integer::sum));
	}

	private String report(String files) {
		return files + ": " + this.samples + " CPU samples (jdk.ExecutionSample)\n\nBy thread:\n" + top(this.byThread)
				+ "\nSelf, by method:\n" + top(this.selfByMethod) + "\nInclusive, by layer:\n" + top(this.throughLayer)
				+ "\nInclusive, by method of ours:\n" + top(this.throughOurMethod);
	}

	private String top(Map<String, Integer> counts) {
		StringBuilder lines = new StringBuilder();
		counts.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
			.limit(TOP)
			.forEach((entry) -> lines.append(String.format(Locale.ROOT, "  %5.1f%%  %s%n",
					100.0 * entry.getValue() / this.samples, entry.getKey())));
		return lines.toString();
	}

	/** The frame's class and method; hidden classes of lambdas lose their per-run suffix. */
	private static String name(RecordedFrame frame) {
		String type = HIDDEN_CLASS_SUFFIX.matcher(frame.getMethod().getType().getName()).replaceFirst("$1");
		return type + "." + frame.getMethod().getName();
	}

	private static Map<String, List<String>> layers() {
		Map<String, List<String>> layers = new HashMap<>();
		layers.put("JSON (Jackson)", List.of("tools.jackson.", "com.fasterxml.jackson.",
				"com.amazonaws.lambda.thirdparty.com.fasterxml.jackson."));
		layers.put("socket I/O", List.of("java.net.Socket", "sun.nio.ch."));
		layers.put("logging (SLF4J, Logback, MDC)", List.of("org.slf4j.", "ch.qos.logback.", "org.apache.commons.logging."));
		layers.put("Spring", List.of("org.springframework."));
		layers.put("class loading", List.of("java.lang.ClassLoader.", "jdk.internal.loader.", "java.net.URLClassLoader.",
				"org.springframework.boot.loader.zip.", "org.springframework.boot.loader.jar.",
				"org.springframework.boot.loader.net."));
		layers.put("our runtime core (dev.lambdaruntime.runtime)", List.of("dev.lambdaruntime.runtime."));
		layers.put("our Spring layer (wiring, function adapter, events, observation, logging)",
				List.of("dev.lambdaruntime.autoconfigure.", "dev.lambdaruntime.function.", "dev.lambdaruntime.events.",
						"dev.lambdaruntime.observation.", "dev.lambdaruntime.logging.", "dev.lambdaruntime.managed."));
		layers.put("system properties, environment", List.of("java.lang.System.setProperty",
				"java.lang.System.getProperty", "java.lang.System.getenv", "java.util.Properties."));
		layers.put("method handles (java.lang.invoke)", List.of("java.lang.invoke."));
		return layers;
	}

}

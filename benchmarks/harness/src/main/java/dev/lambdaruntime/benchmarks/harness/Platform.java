package dev.lambdaruntime.benchmarks.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * Describes what the figures were measured on: the contenders' JDK and the machine.
 */
final class Platform {

	private Platform() {
	}

	/** The JDK a {@code java} executable belongs to, from its {@code release} file. */
	static String jdk(Path java) {
		Path home = java.toAbsolutePath().getParent().getParent();
		Properties release = new Properties();
		try (var reader = Files.newBufferedReader(home.resolve("release"))) {
			release.load(reader);
		}
		catch (IOException ex) {
			return home.toString();
		}
		String version = unquote(release.getProperty("JAVA_RUNTIME_VERSION", release.getProperty("JAVA_VERSION", "?")));
		return unquote(release.getProperty("IMPLEMENTOR", "")) + " " + version + " (" + home + ")";
	}

	/** The CPU model, cores, memory and kernel. */
	static String machine() {
		String cpu = firstValue(Path.of("/proc/cpuinfo"), "model name", "unknown CPU");
		String memory = firstValue(Path.of("/proc/meminfo"), "MemTotal", "0 kB");
		long memoryGiB = Math.round(Long.parseLong(memory.replace("kB", "").trim()) / (1024.0 * 1024));
		return cpu + ", " + Runtime.getRuntime().availableProcessors() + " cores, " + memoryGiB + " GiB, Linux "
				+ read(Path.of("/proc/sys/kernel/osrelease"));
	}

	/** The one-minute load average, which tells how busy the shared machine was. */
	static String loadAverage() {
		return read(Path.of("/proc/loadavg")).split(" ")[0];
	}

	private static String firstValue(Path file, String key, String fallback) {
		List<String> lines = List.of(read(file).split("\n"));
		return lines.stream()
			.filter((line) -> line.startsWith(key))
			.map((line) -> line.substring(line.indexOf(':') + 1).trim())
			.findFirst()
			.orElse(fallback);
	}

	private static String read(Path file) {
		try {
			return Files.readString(file).trim();
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	private static String unquote(String value) {
		return value.replace("\"", "");
	}

}

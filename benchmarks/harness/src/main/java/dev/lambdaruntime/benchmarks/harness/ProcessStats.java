package dev.lambdaruntime.benchmarks.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A Linux process's CPU time ({@code /proc/<pid>/stat}) and resident memory
 * ({@code /proc/<pid>/status}).
 */
final class ProcessStats {

	private static final long NANOS_PER_TICK = 1_000_000_000L / clockTicksPerSecond();

	private final Path directory;

	private ProcessStats(Path directory) {
		this.directory = directory;
	}

	static ProcessStats of(long pid) {
		return new ProcessStats(Path.of("/proc", Long.toString(pid)));
	}

	static ProcessStats self() {
		return of(ProcessHandle.current().pid());
	}

	/** The CPU time used so far, to the clock tick (usually 10 ms). */
	CpuTime cpuTime() throws IOException {
		String stat = Files.readString(this.directory.resolve("stat"), StandardCharsets.US_ASCII);
		// the fields after the command name in parentheses, from field 3 (state) on
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		return new CpuTime(Long.parseLong(fields[11]) * NANOS_PER_TICK, Long.parseLong(fields[12]) * NANOS_PER_TICK);
	}

	/** The resident set size now, in KiB. */
	long residentKb() throws IOException {
		return statusKb("VmRSS:");
	}

	/** The highest resident set size so far, in KiB. */
	long peakResidentKb() throws IOException {
		return statusKb("VmHWM:");
	}

	private long statusKb(String field) throws IOException {
		for (String line : Files.readAllLines(this.directory.resolve("status"), StandardCharsets.US_ASCII)) {
			if (line.startsWith(field)) {
				return Long.parseLong(line.substring(field.length()).replace("kB", "").trim());
			}
		}
		throw new IOException("No " + field + " in " + this.directory.resolve("status"));
	}

	private static long clockTicksPerSecond() {
		try {
			Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
			String output = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
			return (getconf.waitFor() == 0) ? Long.parseLong(output) : 100;
		}
		catch (IOException | NumberFormatException ex) {
			return 100;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return 100;
		}
	}

}

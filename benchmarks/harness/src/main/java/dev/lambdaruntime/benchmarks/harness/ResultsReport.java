package dev.lambdaruntime.benchmarks.harness;

import java.util.List;
import java.util.Locale;

/**
 * The markdown report of a harness run: where and how it ran, one row per contender and
 * payload, the ratios of ours to each peer, and how much a 6 MB round trip grows each process.
 */
final class ResultsReport {

	private static final String HEADER = "| contender | payload × events | init (ms) | init CPU (ms) | invocations/s "
			+ "| p50 (ms) | p99 (ms) | CPU/invocation (µs, user + sys) | RSS at init (MB) | peak RSS (MB) "
			+ "| harness CPU/invocation (µs) |\n|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n";

	private final ReportHeader header;

	private final List<RunResult> results;

	ResultsReport(ReportHeader header, List<RunResult> results) {
		this.header = header;
		this.results = results;
	}

	String markdown() {
		return "# Benchmark results\n\n" + this.header.markdown() + "\n" + table() + "\n## Ours / peer, same run\n\n"
				+ new RatioTable(this.results).markdown() + "\n" + growth() + "\n" + LEGEND;
	}

	private String table() {
		StringBuilder table = new StringBuilder(HEADER);
		for (RunResult result : this.results) {
			table.append("| ").append(result.contender().name()).append(" | ").append(result.payload().label());
			Measurement m = result.measurement();
			if (m == null) {
				table.append(" | failed: ").append(String.valueOf(result.failure()).replace('|', '/').replace('\n', ' '))
					.append(" ||||||||||\n");
				continue;
			}
			table.append(" × ").append(String.format(Locale.ROOT, "%,d", m.events()))
				.append(" | ").append(String.format(Locale.ROOT, "%,d", m.initMillis()))
				.append(" | ").append(String.format(Locale.ROOT, "%,d", m.initCpuMillis()))
				.append(" | ").append(String.format(Locale.ROOT, "%,.0f", m.throughputPerSecond()))
				.append(" | ").append(millis(m.p50Nanos()))
				.append(" | ").append(millis(m.p99Nanos()))
				.append(" | ").append(micros(m.cpuPerInvocation().totalNanos()))
				.append(" (").append(micros(m.cpuPerInvocation().userNanos()))
				.append(" + ").append(micros(m.cpuPerInvocation().systemNanos())).append(')')
				.append(" | ").append(m.rssAfterInitKb() / 1024)
				.append(" | ").append(m.peakRssKb() / 1024)
				.append(" | ").append(micros(m.harnessCpuNanosPerInvocation()))
				.append(" |\n");
		}
		return table.toString();
	}

	private String growth() {
		StringBuilder growth = new StringBuilder();
		for (RunResult result : this.results) {
			Measurement m = result.measurement();
			if (m != null && result.payload().eventBytes() >= 6 * 1024 * 1024) {
				double grownBytes = (m.peakRssKb() - m.rssAfterInitKb()) * 1024.0;
				growth.append(String.format(Locale.ROOT, "- %s: %d MB, %.1f× the payload%n", result.contender().name(),
						(m.peakRssKb() - m.rssAfterInitKb()) / 1024, grownBytes / result.payload().eventBytes()));
			}
		}
		return growth.isEmpty() ? ""
				: "Peak RSS growth over RSS at init with 6 MB events and responses (ours: target ≤ 4× the payload; "
						+ "the floor, which makes the fewest copies, shows what the JVM's heap growth alone costs):\n\n"
						+ growth;
	}

	private static String millis(long nanos) {
		return String.format(Locale.ROOT, "%.2f", nanos / 1e6);
	}

	private static String micros(long nanos) {
		return String.format(Locale.ROOT, "%,d", nanos / 1000);
	}

	private static final String LEGEND = """

			How to read it: init is process start to the first `GET …/invocation/next`, each contender started \
			alone; init CPU is the CPU time the process used until then, which a busy machine inflates less. After a warm-up, events are sent one at a time, as Lambda does, in slices that the contenders \
			take turns at, so that load from other users falls on all of them alike. Invocations/s is over the \
			measured events, latency runs from handing an event out to receiving its response, CPU/invocation is \
			the contender process's utime + stime (`/proc/<pid>/stat`) over its slices, read while it waits in \
			`next`. Peak RSS is `VmHWM`. The \
			harness's own CPU is shown to check that the fake Runtime API stays cheap beside the contenders. \
			Every response is checked; a contender that errs or answers wrongly is shown as failed.
			""";

}

package dev.lambdaruntime.benchmarks.harness;

import java.util.Comparator;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * What one run of a contender measured.
 *
 * @param initMillis process start to its first {@code next}
 * @param initCpuMillis CPU time the process used until its first {@code next}
 * @param rssAfterInitKb resident memory at its first {@code next}
 * @param peakRssKb highest resident memory over the run
 * @param events how many invocations were measured
 * @param throughputPerSecond measured invocations per second, one at a time
 * @param p50Nanos median latency from handing out an event to receiving its response
 * @param p99Nanos 99th percentile of that latency
 * @param cpuPerInvocation the contender's CPU time per measured invocation
 * @param harnessCpuNanosPerInvocation the harness's own CPU time per measured invocation
 */
record Measurement(long initMillis, long initCpuMillis, long rssAfterInitKb, long peakRssKb, int events, double throughputPerSecond,
		long p50Nanos, long p99Nanos, CpuTime cpuPerInvocation, long harnessCpuNanosPerInvocation) {

	/**
	 * The median of each figure over several rounds (the lower one of an even count); the CPU
	 * time split is the one of the round with the median total.
	 */
	static Measurement median(List<Measurement> rounds) {
		List<Measurement> byCpu = rounds.stream()
			.sorted(Comparator.comparingLong((Measurement round) -> round.cpuPerInvocation().totalNanos()))
			.toList();
		return new Measurement(median(rounds, Measurement::initMillis), median(rounds, Measurement::initCpuMillis),
				median(rounds, Measurement::rssAfterInitKb),
				median(rounds, Measurement::peakRssKb), rounds.get(0).events(),
				rounds.stream().mapToDouble(Measurement::throughputPerSecond).sorted().toArray()[(rounds.size() - 1) / 2],
				median(rounds, Measurement::p50Nanos), median(rounds, Measurement::p99Nanos),
				byCpu.get((rounds.size() - 1) / 2).cpuPerInvocation(),
				median(rounds, Measurement::harnessCpuNanosPerInvocation));
	}

	private static long median(List<Measurement> rounds, ToLongFunction<Measurement> figure) {
		return rounds.stream().mapToLong(figure).sorted().toArray()[(rounds.size() - 1) / 2];
	}

}

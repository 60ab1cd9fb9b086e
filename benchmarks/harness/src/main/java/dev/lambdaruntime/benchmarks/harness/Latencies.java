package dev.lambdaruntime.benchmarks.harness;

import java.util.Arrays;
import java.util.List;

/**
 * The latencies of several runs of invocations, merged, and their percentiles.
 */
final class Latencies {

	private final long[] sorted;

	private Latencies(long[] sorted) {
		this.sorted = sorted;
	}

	static Latencies of(List<long[]> runs) {
		long[] all = runs.stream().flatMapToLong(Arrays::stream).sorted().toArray();
		return new Latencies(all);
	}

	/** The latency below which the given fraction of the invocations were answered (nearest rank). */
	long percentileNanos(double fraction) {
		int rank = (int) Math.ceil(fraction * this.sorted.length);
		return this.sorted[Math.max(rank - 1, 0)];
	}

}

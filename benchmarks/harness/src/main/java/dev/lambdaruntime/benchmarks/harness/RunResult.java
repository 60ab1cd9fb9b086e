package dev.lambdaruntime.benchmarks.harness;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of running one contender with one payload: its measurement, or why it failed.
 *
 * @param contender the contender
 * @param payload the payload
 * @param measurement what was measured, {@code null} when the run failed
 * @param failure why the run failed, {@code null} when it did not
 */
record RunResult(Contender contender, Payload payload, @Nullable Measurement measurement, @Nullable String failure) {

	static RunResult measured(Contender contender, Payload payload, Measurement measurement) {
		return new RunResult(contender, payload, measurement, null);
	}

	static RunResult failed(Contender contender, Payload payload, String failure) {
		return new RunResult(contender, payload, null, failure);
	}

	/** The median of rounds of the same contender and payload, or the first failure among them. */
	static RunResult median(List<RunResult> rounds) {
		RunResult first = rounds.get(0);
		for (int i = 0; i < rounds.size(); i++) {
			if (rounds.get(i).failure() != null) {
				String round = (rounds.size() > 1) ? " (round " + (i + 1) + " of " + rounds.size() + ")" : "";
				return failed(first.contender(), first.payload(), rounds.get(i).failure() + round);
			}
		}
		return measured(first.contender(), first.payload(),
				Measurement.median(rounds.stream().map(RunResult::measurement).toList()));
	}

}

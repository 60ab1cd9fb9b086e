package dev.lambdaruntime.benchmarks.harness;

import java.util.List;

import dev.lambdaruntime.benchmarks.api.PendingInvocation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PhaseTests {

	@Test
	void recordsEachAnswerOnceWithItsLatencyAndPercentilesAreByNearestRank() {
		Phase phase = new Phase(7, 4, OrderEvent.ofSize(100));
		long later = System.nanoTime() + 10_000_000_000L;
		for (int i = 0; i < 4; i++) {
			PendingInvocation invocation = phase.handOut();
			assertThat(invocation.requestId()).hasSize(36).startsWith("00000007-");
			phase.answered(invocation.requestId(), later + i * 1_000_000_000L, null);
		}
		assertThat(phase.hasMoreToHandOut()).isFalse();
		assertThat(phase.isComplete()).isTrue();
		assertThat(phase.failures()).isZero();
		long[] answered = phase.latencies();
		assertThat(answered).hasSize(4).isSorted();
		assertThat(phase.wallNanos()).isGreaterThan(answered[3]);
		Latencies latencies = Latencies.of(List.of(answered, new long[] { 1 }));
		assertThat(latencies.percentileNanos(0.5)).isEqualTo(answered[1]);
		assertThat(latencies.percentileNanos(0.99)).isEqualTo(answered[3]);
	}

	@Test
	void countsAnswersToUnknownOrAnsweredRequestsAsFailures() {
		Phase phase = new Phase(1, 2, OrderEvent.ofSize(100));
		String requestId = phase.handOut().requestId();
		phase.answered(requestId, System.nanoTime(), null);
		phase.answered(requestId, System.nanoTime(), null);
		phase.answered("00000002-0000-4000-8000-000000000000", System.nanoTime(), null);
		assertThat(phase.failures()).isEqualTo(2);
		assertThat(phase.firstFailure()).contains("already answered");
		assertThat(phase.isComplete()).isFalse();
	}

}

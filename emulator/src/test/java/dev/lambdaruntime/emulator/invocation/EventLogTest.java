package dev.lambdaruntime.emulator.invocation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventLogTest {

	@Test
	void keepsTheMostRecentEventsInArrivalOrder() {
		EventLog<Integer> log = new EventLog<>(3);
		for (int i = 1; i <= 5; i++) {
			log.add(i);
		}

		assertThat(log.snapshot()).containsExactly(3, 4, 5);
	}

}

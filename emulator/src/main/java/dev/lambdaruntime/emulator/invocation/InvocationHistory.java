package dev.lambdaruntime.emulator.invocation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The most recent invocations, from either side, with bodies cut to 64 KB, so that memory stays
 * bounded however long the emulator runs.
 */
public final class InvocationHistory implements RecentInvocations {

	/** How many invocations the history keeps. */
	static final int CAPACITY = 100;

	private final EventLog<HistoryEntry> entries = new EventLog<>(CAPACITY);

	private final InvocationLog log;

	/**
	 * Creates an empty history.
	 * @param log where each ended invocation's report and log are found
	 */
	public InvocationHistory(InvocationLog log) {
		this.log = log;
	}

	void record(EmulatedInvocation invocation, String functionName) {
		HistoryEntry entry = new HistoryEntry(invocation, functionName, Instant.now());
		this.entries.add(entry);
		invocation.result()
			.whenComplete((result, failure) -> entry.ended(result,
					(result != null) ? this.log.report(result.requestId()).orElse(null) : null));
	}

	@Override
	public boolean remove(String requestId) {
		return this.entries.removeIf((entry) -> entry.requestId().equals(requestId));
	}

	@Override
	public void clear() {
		this.entries.removeIf((entry) -> true);
	}

	@Override
	public List<HistoryEntry.Summary> summaries() {
		List<HistoryEntry.Summary> summaries = new ArrayList<>();
		this.entries.snapshot().forEach((entry) -> summaries.add(entry.summary()));
		Collections.reverse(summaries);
		return summaries;
	}

}

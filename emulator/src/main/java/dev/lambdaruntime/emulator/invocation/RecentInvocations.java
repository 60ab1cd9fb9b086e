package dev.lambdaruntime.emulator.invocation;

import java.util.List;

/**
 * The recent invocations that the page lists and a person may forget: one emulator's, or every
 * function's of the local Lambda service.
 */
public interface RecentInvocations {

	/**
	 * Returns the recorded invocations.
	 * @return their summaries, newest first
	 */
	List<HistoryEntry.Summary> summaries();

	/**
	 * Forgets one invocation; if it has not ended, it still runs, unseen.
	 * @param requestId its request id
	 * @return whether it was recorded
	 */
	boolean remove(String requestId);

	/** Forgets every invocation; those that have not ended still run, unseen. */
	void clear();

}

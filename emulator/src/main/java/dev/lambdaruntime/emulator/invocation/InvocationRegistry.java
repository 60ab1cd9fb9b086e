package dev.lambdaruntime.emulator.invocation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The invocations that have not ended yet, by request id, so that a runtime's answer finds its
 * invocation, and the ids of the last ones that ended, so that a late answer is told apart from
 * one for an id never seen.
 */
public final class InvocationRegistry {

	private static final int ENDED_KEPT = 1000;

	private final Map<String, EmulatedInvocation> unfinished = new ConcurrentHashMap<>();

	private final Set<String> ended = Collections.newSetFromMap(new LinkedHashMap<>() {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
			return size() > ENDED_KEPT;
		}

	});

	/**
	 * Registers an invocation until its result completes.
	 * @param invocation the invocation
	 * @throws IllegalArgumentException if an unfinished invocation has the same request id
	 */
	void add(EmulatedInvocation invocation) {
		String requestId = invocation.requestId();
		if (this.unfinished.putIfAbsent(requestId, invocation) != null) {
			throw new IllegalArgumentException("An invocation with request id " + requestId + " has not ended yet");
		}
		invocation.result().whenComplete((result, failure) -> {
			synchronized (this.ended) {
				this.ended.add(requestId);
			}
			this.unfinished.remove(requestId, invocation);
		});
	}

	/**
	 * Tells whether an invocation with this id ended lately (within the last 1,000 that ended).
	 * @param requestId the request id
	 * @return whether it ended
	 */
	public boolean ended(String requestId) {
		synchronized (this.ended) {
			return this.ended.contains(requestId);
		}
	}

	public Optional<EmulatedInvocation> find(String requestId) {
		return Optional.ofNullable(this.unfinished.get(requestId));
	}

	public void abortAll(Throwable cause) {
		this.unfinished.values().forEach((invocation) -> invocation.abort(cause));
	}

}

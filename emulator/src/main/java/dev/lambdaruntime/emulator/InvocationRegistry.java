package dev.lambdaruntime.emulator;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The invocations that have not ended yet, by request id, so that a runtime's answer finds its
 * invocation.
 */
final class InvocationRegistry {

	private final Map<String, Invocation> unfinished = new ConcurrentHashMap<>();

	/**
	 * Registers an invocation until its result completes.
	 * @param invocation the invocation
	 * @throws IllegalArgumentException if an unfinished invocation has the same request id
	 */
	void add(Invocation invocation) {
		String requestId = invocation.requestId();
		if (this.unfinished.putIfAbsent(requestId, invocation) != null) {
			throw new IllegalArgumentException("An invocation with request id " + requestId + " has not ended yet");
		}
		invocation.result().whenComplete((result, failure) -> this.unfinished.remove(requestId, invocation));
	}

	Optional<Invocation> find(String requestId) {
		return Optional.ofNullable(this.unfinished.get(requestId));
	}

	void abortAll(Throwable cause) {
		this.unfinished.values().forEach((invocation) -> invocation.abort(cause));
	}

}

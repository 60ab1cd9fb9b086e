package dev.lambdaruntime.emulator.invocation;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The invocations that have not ended yet, by request id, so that a runtime's answer finds its
 * invocation.
 */
public final class InvocationRegistry {

	private final Map<String, EmulatedInvocation> unfinished = new ConcurrentHashMap<>();

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
		invocation.result().whenComplete((result, failure) -> this.unfinished.remove(requestId, invocation));
	}

	public Optional<EmulatedInvocation> find(String requestId) {
		return Optional.ofNullable(this.unfinished.get(requestId));
	}

	public void abortAll(Throwable cause) {
		this.unfinished.values().forEach((invocation) -> invocation.abort(cause));
	}

}

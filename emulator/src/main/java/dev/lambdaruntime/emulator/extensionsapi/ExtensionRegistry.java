package dev.lambdaruntime.emulator.extensionsapi;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.lambdaruntime.emulator.invocation.EmulatedInvocation;
import tools.jackson.databind.json.JsonMapper;

/**
 * The extensions registered with the emulator, and the events Lambda sends them: {@code INVOKE}
 * when an invocation starts, {@code SHUTDOWN} when the emulator stops (Lambda's "Extensions API"
 * documentation page). Unlike Lambda, an invocation does not wait for the extensions to finish
 * with it.
 */
public final class ExtensionRegistry {

	static final String INVOKE = "INVOKE";

	static final String SHUTDOWN = "SHUTDOWN";

	/** How long extensions get to take the {@code SHUTDOWN} event: Lambda gives them 2 seconds. */
	private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(2);

	private final List<RegisteredExtension> extensions = new CopyOnWriteArrayList<>();

	RegisteredExtension register(String name, Set<String> events) {
		RegisteredExtension extension = new RegisteredExtension(name, UUID.randomUUID().toString(), events);
		this.extensions.add(extension);
		return extension;
	}

	boolean nameTaken(String name) {
		return this.extensions.stream().anyMatch((extension) -> extension.name().equals(name));
	}

	Optional<RegisteredExtension> find(String identifier) {
		return this.extensions.stream().filter((extension) -> extension.identifier().equals(identifier)).findFirst();
	}

	/**
	 * Sends the {@code INVOKE} event of an invocation that started.
	 * @param invocation the invocation
	 */
	public void invoked(EmulatedInvocation invocation) {
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("eventType", INVOKE);
		event.put("deadlineMs", invocation.deadlineEpochMillis());
		event.put("requestId", invocation.requestId());
		event.put("invokedFunctionArn", invocation.invokedFunctionArn());
		event.put("tracing", Map.of("type", "X-Amzn-Trace-Id", "value", invocation.request().traceId()));
		publish(INVOKE, event);
	}

	/**
	 * Sends the {@code SHUTDOWN} event, and waits until every extension that registered for it
	 * has taken it, for at most 2 seconds.
	 */
	public void shutDown() {
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("eventType", SHUTDOWN);
		event.put("shutdownReason", "spindown");
		event.put("deadlineMs", System.currentTimeMillis() + SHUTDOWN_WAIT.toMillis());
		publish(SHUTDOWN, event);
		long deadline = System.nanoTime() + SHUTDOWN_WAIT.toNanos();
		try {
			for (RegisteredExtension extension : this.extensions) {
				extension.awaitDelivered(deadline);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void publish(String type, Map<String, Object> event) {
		byte[] body = JsonMapper.shared().writeValueAsBytes(event);
		this.extensions.forEach((extension) -> extension.offer(type, body));
	}

}

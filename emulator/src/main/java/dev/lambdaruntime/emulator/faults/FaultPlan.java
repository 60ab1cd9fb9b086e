package dev.lambdaruntime.emulator.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Optional;
import java.util.function.Supplier;

import dev.lambdaruntime.emulator.runtimeapi.AnswerInterceptor;
import dev.lambdaruntime.emulator.runtimeapi.RuntimeApiOperation;
import dev.lambdaruntime.emulator.runtimeapi.RuntimeApiResponse;
import dev.lambdaruntime.runtime.RuntimeApiProtocol;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The faults injected into the Runtime API, each with the strikes it has left, and the request
 * id of the last event handed out, which a repeated request id needs.
 */
public final class FaultPlan implements AnswerInterceptor {

	private static final Logger logger = LoggerFactory.getLogger(FaultPlan.class);

	private final List<Injected> faults = new ArrayList<>();

	private @Nullable String lastRequestId;

	/**
	 * Adds a fault, to strike after those added before it.
	 * @param fault the fault
	 */
	public synchronized void add(RuntimeApiFault fault) {
		this.faults.add(new Injected(fault, fault.strikes()));
	}

	/** Removes every fault that has strikes left. */
	public synchronized void clear() {
		this.faults.clear();
	}

	/**
	 * Answers a Runtime API call, through the fault that strikes it if any. A {@code next}
	 * delivery is made first, so that a fault strikes the event handed out, and given back to
	 * the queue if the fault replaces it; any other call is answered by the endpoint only if the
	 * fault lets it through.
	 * @param operation the operation called
	 * @param endpoint the endpoint's answer, empty when the call is to go without one
	 * @return the answer to send, or empty to close the connection without one
	 */
	@Override
	public Optional<RuntimeApiResponse> answer(RuntimeApiOperation operation,
			Supplier<Optional<RuntimeApiResponse>> endpoint) {
		if (operation != RuntimeApiOperation.NEXT) {
			Optional<RuntimeApiFault> fault = take(operation);
			return fault.isPresent() ? fault.get().strike(endpoint, RuntimeApiResponse.NOTHING, null) : endpoint.get();
		}
		Optional<RuntimeApiResponse> delivery = endpoint.get();
		if (delivery.isEmpty()) {
			return delivery;
		}
		RuntimeApiResponse event = delivery.get();
		Optional<RuntimeApiResponse> answer = take(operation)
			.map((fault) -> fault.strike(() -> delivery, event.onUndelivered(), lastRequestId()))
			.orElse(delivery);
		answer.filter((sent) -> sent.status() == 200)
			.map((sent) -> sent.headers().get(RuntimeApiProtocol.REQUEST_ID))
			.ifPresent(this::delivered);
		return answer;
	}

	private synchronized Optional<RuntimeApiFault> take(RuntimeApiOperation operation) {
		for (ListIterator<Injected> faults = this.faults.listIterator(); faults.hasNext();) {
			Injected injected = faults.next();
			if (injected.fault().appliesTo(operation, this.lastRequestId)) {
				if (injected.strikesLeft() == 1) {
					faults.remove();
				}
				else if (injected.strikesLeft() > 1) {
					faults.set(injected.struck());
				}
				logger.debug("Runtime API fault strikes: {}", injected.fault());
				return Optional.of(injected.fault());
			}
		}
		return Optional.empty();
	}

	private synchronized @Nullable String lastRequestId() {
		return this.lastRequestId;
	}

	private synchronized void delivered(String requestId) {
		this.lastRequestId = requestId;
	}

	/**
	 * An injected fault and how many more calls it strikes, negative for all of them.
	 */
	private record Injected(RuntimeApiFault fault, int strikesLeft) {

		Injected struck() {
			return new Injected(this.fault, this.strikesLeft - 1);
		}

	}

}

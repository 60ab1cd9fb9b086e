package dev.lambdaruntime.function;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Awaits Reactor results: a {@link Mono}'s value, a {@link Flux}'s items as a list. Kept apart so
 * that Reactor stays optional.
 */
final class ReactiveResults {

	private ReactiveResults() {
	}

	static boolean isReactive(@Nullable Object result) {
		return result instanceof Mono<?> || result instanceof Flux<?>;
	}

	/** A publisher's items, as they arrive. */
	static Iterable<?> items(Object publisher) {
		return Flux.from((org.reactivestreams.Publisher<?>) publisher).toIterable();
	}

	static @Nullable Object await(@Nullable Object result) {
		if (result instanceof Mono<?> mono) {
			return mono.block();
		}
		if (result instanceof Flux<?> flux) {
			return flux.collectList().block();
		}
		return result;
	}

}

package dev.lambdaruntime.autoconfigure;

import dev.lambdaruntime.runtime.InvocationHandler;

/**
 * Wraps the invocation handler the loop serves with, to time, audit or otherwise surround each
 * invocation without replacing the function adapter. Declare beans of this type; they are
 * applied in their {@link org.springframework.core.annotation.Order order}, the first being the
 * outermost: it sees each invocation first and its response last. The built-in Micrometer
 * observation stays outside them all.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface InvocationHandlerCustomizer {

	/**
	 * Wraps a handler.
	 * @param handler the handler to wrap: the function adapter, or the customizers after this one
	 * @return the handler to serve with, usually one that delegates to {@code handler}
	 */
	InvocationHandler customize(InvocationHandler handler);

}

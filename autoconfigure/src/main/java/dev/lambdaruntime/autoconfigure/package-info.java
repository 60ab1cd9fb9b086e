/**
 * Spring Boot wiring of the Lambda runtime, and nothing else: conditions, properties, the
 * invocation handler chain as a bean, the loops' start and stop with the application context,
 * Lambda's logging settings and init-error reporting. The parts it wires live in packages of
 * their own.
 */
@NullMarked
package dev.lambdaruntime.autoconfigure;

import org.jspecify.annotations.NullMarked;

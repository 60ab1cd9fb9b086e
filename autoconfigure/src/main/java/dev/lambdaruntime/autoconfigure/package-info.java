/**
 * Spring Boot wiring of the Lambda runtime: conditions, properties, function selection through
 * Spring Cloud Function's catalog, payload conversion with the application's JSON mapper, the
 * loop's start and stop with the application context, and init-error reporting.
 */
@NullMarked
package dev.lambdaruntime.autoconfigure;

import org.jspecify.annotations.NullMarked;

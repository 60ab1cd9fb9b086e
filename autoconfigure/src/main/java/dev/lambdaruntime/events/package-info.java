/**
 * Jackson support for the classes of {@code aws-lambda-java-events}: a copy of the application's
 * mapper that reads and writes them with Lambda's JSON names and formats, as AWS's own runtime
 * does. No Spring wiring here.
 */
@NullMarked
package dev.lambdaruntime.events;

import org.jspecify.annotations.NullMarked;

/**
 * Console logs shaped like the managed Lambda runtime's: JSON records when
 * {@code AWS_LAMBDA_LOG_FORMAT=JSON}, the request id on each text line otherwise, and the level
 * from {@code AWS_LAMBDA_LOG_LEVEL}.
 */
@NullMarked
package dev.lambdaruntime.autoconfigure.logging;

import org.jspecify.annotations.NullMarked;

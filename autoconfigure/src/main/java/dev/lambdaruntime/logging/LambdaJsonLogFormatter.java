package dev.lambdaruntime.logging;

import java.time.Instant;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import com.amazonaws.services.lambda.runtime.Context;
import dev.lambdaruntime.runtime.CurrentInvocation;
import dev.lambdaruntime.runtime.RuntimeApiProtocol;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.StructuredLogFormatter;

/**
 * Writes each Logback record as one JSON line in the shape of the managed Lambda runtime's JSON
 * logs: {@code timestamp}, {@code level}, {@code message}, {@code logger}, {@code AWSRequestId},
 * the trace and tenant ids of the invocation, and a failure's type, message and stack trace
 * inside the same record.
 *
 * @since 0.1.0
 */
public final class LambdaJsonLogFormatter implements StructuredLogFormatter<ILoggingEvent> {

	private static final JsonWriter<ILoggingEvent> writer = JsonWriter.<ILoggingEvent>of((members) -> {
		members.add("timestamp", (event) -> Instant.ofEpochMilli(event.getTimeStamp()).toString());
		members.add("level", (event) -> event.getLevel().toString());
		members.add("message", ILoggingEvent::getFormattedMessage);
		members.add("logger", ILoggingEvent::getLoggerName);
		members.add("AWSRequestId", (event) -> event.getMDCPropertyMap().get(RuntimeApiProtocol.MDC_REQUEST_ID))
			.whenNotNull();
		members.add("traceId", (event) -> invocationValue(true)).whenNotNull();
		members.add("tenantId", (event) -> invocationValue(false)).whenNotNull();
		members.add("errorType", (event) -> throwable(event, ThrowableField.TYPE)).whenNotNull();
		members.add("errorMessage", (event) -> throwable(event, ThrowableField.MESSAGE)).whenNotNull();
		members.add("stackTrace", (event) -> throwable(event, ThrowableField.STACK_TRACE)).whenNotNull();
	}).withNewLineAtEnd();

	@Override
	public String format(ILoggingEvent event) {
		return writer.writeToString(event);
	}

	private static @Nullable String invocationValue(boolean traceId) {
		Context context = CurrentInvocation.context();
		if (context == null) {
			return null;
		}
		return traceId ? context.getXrayTraceId() : context.getTenantId();
	}

	private static @Nullable String throwable(ILoggingEvent event, ThrowableField field) {
		IThrowableProxy proxy = event.getThrowableProxy();
		if (proxy == null) {
			return null;
		}
		return switch (field) {
			case TYPE -> proxy.getClassName();
			case MESSAGE -> proxy.getMessage();
			case STACK_TRACE -> ThrowableProxyUtil.asString(proxy);
		};
	}

	private enum ThrowableField {

		TYPE, MESSAGE, STACK_TRACE

	}

}

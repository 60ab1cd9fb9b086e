package dev.lambdaruntime.runtime;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Context} that always answers for the invocation the calling thread serves, so that a
 * singleton can hold it; outside an invocation every method fails with a clear message.
 *
 * @since 0.1.0
 */
public final class CurrentInvocationContext implements Context {

	private static Context current() {
		Context context = CurrentInvocation.context();
		if (context == null) {
			throw new IllegalStateException("No Lambda invocation is in progress on thread '"
					+ Thread.currentThread().getName() + "': the Lambda Context is only available while a function"
					+ " serves an invocation");
		}
		return context;
	}

	@Override
	public String getAwsRequestId() {
		return current().getAwsRequestId();
	}

	@Override
	public @Nullable String getLogGroupName() {
		return current().getLogGroupName();
	}

	@Override
	public @Nullable String getLogStreamName() {
		return current().getLogStreamName();
	}

	@Override
	public @Nullable String getFunctionName() {
		return current().getFunctionName();
	}

	@Override
	public @Nullable String getFunctionVersion() {
		return current().getFunctionVersion();
	}

	@Override
	public @Nullable String getInvokedFunctionArn() {
		return current().getInvokedFunctionArn();
	}

	@Override
	public @Nullable CognitoIdentity getIdentity() {
		return current().getIdentity();
	}

	@Override
	public @Nullable ClientContext getClientContext() {
		return current().getClientContext();
	}

	@Override
	public int getRemainingTimeInMillis() {
		return current().getRemainingTimeInMillis();
	}

	@Override
	public int getMemoryLimitInMB() {
		return current().getMemoryLimitInMB();
	}

	@Override
	public LambdaLogger getLogger() {
		return current().getLogger();
	}

	@Override
	public @Nullable String getTenantId() {
		return current().getTenantId();
	}

	@Override
	public @Nullable String getXrayTraceId() {
		return current().getXrayTraceId();
	}

	@Override
	public String toString() {
		Context context = CurrentInvocation.context();
		return "CurrentInvocationContext[" + ((context != null) ? context : "no invocation") + "]";
	}

}

package dev.lambdaruntime.runtime;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import org.jspecify.annotations.Nullable;

/**
 * The Lambda {@link Context} of one invocation, made of its Runtime API headers and the
 * function's environment. The JSON headers are parsed only when asked for.
 *
 * @since 0.1.0
 */
public final class InvocationContext implements Context {

	private final Invocation invocation;

	private final LambdaEnvironment environment;

	private @Nullable ClientContext clientContext;

	private @Nullable CognitoIdentity identity;

	public InvocationContext(Invocation invocation, LambdaEnvironment environment) {
		this.invocation = invocation;
		this.environment = environment;
	}

	@Override
	public String getAwsRequestId() {
		return this.invocation.requestId();
	}

	@Override
	public @Nullable String getLogGroupName() {
		return this.environment.logGroupName();
	}

	@Override
	public @Nullable String getLogStreamName() {
		return this.environment.logStreamName();
	}

	@Override
	public @Nullable String getFunctionName() {
		return this.environment.functionName();
	}

	@Override
	public @Nullable String getFunctionVersion() {
		return this.environment.functionVersion();
	}

	@Override
	public @Nullable String getInvokedFunctionArn() {
		return this.invocation.invokedFunctionArn();
	}

	@Override
	public @Nullable CognitoIdentity getIdentity() {
		if (this.identity == null) {
			this.identity = ContextHeaders.cognitoIdentity(this.invocation.cognitoIdentity());
		}
		return this.identity;
	}

	@Override
	public @Nullable ClientContext getClientContext() {
		if (this.clientContext == null) {
			this.clientContext = ContextHeaders.clientContext(this.invocation.clientContext());
		}
		return this.clientContext;
	}

	/** Milliseconds left before the deadline, never negative, and 0 when the deadline is unknown. */
	@Override
	public int getRemainingTimeInMillis() {
		long deadline = this.invocation.deadlineMillis();
		long remaining = (deadline > 0) ? deadline - System.currentTimeMillis() : 0;
		return (int) Math.max(0, Math.min(Integer.MAX_VALUE, remaining));
	}

	@Override
	public int getMemoryLimitInMB() {
		return this.environment.memoryLimitInMb();
	}

	@Override
	public LambdaLogger getLogger() {
		return StandardOutputLambdaLogger.INSTANCE;
	}

	@Override
	public @Nullable String getTenantId() {
		return this.invocation.tenantId();
	}

	@Override
	public @Nullable String getXrayTraceId() {
		return this.invocation.traceId();
	}

	@Override
	public String toString() {
		return "InvocationContext[requestId=" + getAwsRequestId() + "]";
	}

}

package dev.lambdaruntime.runtime;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.amazonaws.services.lambda.runtime.Context;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.slf4j.MDC;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link CurrentInvocationContext} and {@link CurrentInvocation}.
 */
@ResourceLock(Resources.SYSTEM_PROPERTIES)
class CurrentInvocationContextTests {

	private static final String TRACE = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";

	private static final String TRACE_PROPERTY = "com.amazonaws.xray.traceHeader";

	private final Context current = new CurrentInvocationContext();

	@AfterEach
	void clear() {
		System.clearProperty(TRACE_PROPERTY);
		MDC.clear();
	}

	@Test
	void everyMethodFailsClearlyOutsideAnInvocation() {
		Map<String, ThrowingCallable> calls = calls(this.current);
		calls.forEach((name, call) -> assertThatIllegalStateException().as(name)
			.isThrownBy(call)
			.withMessageContaining("No Lambda invocation is in progress on thread '" + Thread.currentThread().getName())
			.withMessageContaining("only available while a function serves an invocation"));
		assertThat(calls).hasSize(13);
	}

	@Test
	void delegatesEveryMethodToTheBoundInvocation() {
		InvocationContext context = context("req-42", TRACE);
		try (CurrentInvocation bound = CurrentInvocation.bind(context, false)) {
			assertThat(this.current.getAwsRequestId()).isEqualTo("req-42");
			assertThat(this.current.getInvokedFunctionArn()).isEqualTo("arn:aws:lambda:us-east-1:1:function:fn");
			assertThat(this.current.getXrayTraceId()).isEqualTo(TRACE);
			assertThat(this.current.getTenantId()).isEqualTo("tenant");
			assertThat(this.current.getFunctionName()).isEqualTo("fn");
			assertThat(this.current.getFunctionVersion()).isEqualTo("3");
			assertThat(this.current.getMemoryLimitInMB()).isEqualTo(256);
			assertThat(this.current.getLogGroupName()).isEqualTo("group");
			assertThat(this.current.getLogStreamName()).isEqualTo("stream");
			assertThat(this.current.getRemainingTimeInMillis()).isBetween(1, 120_000);
			assertThat(this.current.getClientContext().getCustom()).containsEntry("k", "v");
			assertThat(this.current.getIdentity().getIdentityId()).isEqualTo("id-1");
			assertThat(this.current.getLogger()).isSameAs(context.getLogger());
			assertThat(this.current.toString()).contains("req-42");
		}
	}

	@Test
	void failsAgainOnceTheInvocationIsClosed() {
		try (CurrentInvocation bound = CurrentInvocation.bind(context("req-1", null), false)) {
			assertThat(this.current.getAwsRequestId()).isEqualTo("req-1");
		}
		assertThatIllegalStateException().isThrownBy(this.current::getAwsRequestId);
		assertThat(CurrentInvocation.context()).isNull();
		assertThat(this.current).hasToString("CurrentInvocationContext[no invocation]");
	}

	@Test
	void answersForTheInvocationOfTheCallingThreadOnly() throws Exception {
		try (CurrentInvocation bound = CurrentInvocation.bind(context("main-thread", null), false)) {
			CompletableFuture<String> other = CompletableFuture.supplyAsync(() -> {
				try {
					return this.current.getAwsRequestId();
				}
				catch (IllegalStateException ex) {
					return "unbound";
				}
			}, (task) -> new Thread(task, "other-thread").start());
			assertThat(other.get(10, TimeUnit.SECONDS)).isEqualTo("unbound");
			assertThat(this.current.getAwsRequestId()).isEqualTo("main-thread");
		}
	}

	@Test
	void bindingPutsTheRequestIdInTheMdcAndClosingRemovesIt() {
		try (CurrentInvocation bound = CurrentInvocation.bind(context("req-mdc", TRACE), false)) {
			assertThat(MDC.get("AWSRequestId")).isEqualTo("req-mdc");
			assertThat(CurrentInvocation.context().getAwsRequestId()).isEqualTo("req-mdc");
		}
		assertThat(MDC.get("AWSRequestId")).isNull();
	}

	@Test
	void bindingWithTracePropertySetsTheXrayHeaderAndClosingClearsIt() {
		try (CurrentInvocation bound = CurrentInvocation.bind(context("req-trace", TRACE), true)) {
			assertThat(System.getProperty(TRACE_PROPERTY)).isEqualTo(TRACE);
			assertThat(MDC.get("AWSRequestId")).isEqualTo("req-trace");
		}
		assertThat(System.getProperty(TRACE_PROPERTY)).isNull();
		assertThat(MDC.get("AWSRequestId")).isNull();
	}

	@Test
	void bindingWithoutTracePropertyLeavesTheJvmWidePropertyAlone() {
		System.setProperty(TRACE_PROPERTY, "someone-else's");
		try (CurrentInvocation bound = CurrentInvocation.bind(context("req", TRACE), false)) {
			assertThat(System.getProperty(TRACE_PROPERTY)).isEqualTo("someone-else's");
			assertThat(this.current.getXrayTraceId()).isEqualTo(TRACE);
		}
		assertThat(System.getProperty(TRACE_PROPERTY)).isEqualTo("someone-else's");
	}

	@Test
	void bindingWithTracePropertyButNoTraceIdSetsNoProperty() {
		try (CurrentInvocation bound = CurrentInvocation.bind(context("req", null), true)) {
			assertThat(System.getProperty(TRACE_PROPERTY)).isNull();
		}
		assertThat(System.getProperty(TRACE_PROPERTY)).isNull();
	}

	@Test
	void successiveBindingsEachSeeTheirOwnInvocation() {
		for (int i = 0; i < 3; i++) {
			String trace = TRACE.replace("Sampled=1", "Sampled=" + i);
			try (CurrentInvocation bound = CurrentInvocation.bind(context("req-" + i, trace), true)) {
				assertThat(this.current.getAwsRequestId()).isEqualTo("req-" + i);
				assertThat(MDC.get("AWSRequestId")).isEqualTo("req-" + i);
				assertThat(System.getProperty(TRACE_PROPERTY)).isEqualTo(trace);
			}
		}
		assertThat(CurrentInvocation.context()).isNull();
	}

	private static InvocationContext context(String requestId, String traceId) {
		Invocation invocation = new Invocation(requestId, System.currentTimeMillis() + 120_000,
				"arn:aws:lambda:us-east-1:1:function:fn", traceId, "{\"custom\":{\"k\":\"v\"}}",
				"{\"cognitoIdentityId\":\"id-1\",\"cognitoIdentityPoolId\":\"pool-1\"}", "tenant", new byte[0]);
		return new InvocationContext(invocation, new LambdaEnvironment("fn", "3", 256, "group", "stream"));
	}

	private static Map<String, ThrowingCallable> calls(Context context) {
		Map<String, ThrowingCallable> calls = new LinkedHashMap<>();
		calls.put("getAwsRequestId", context::getAwsRequestId);
		calls.put("getLogGroupName", context::getLogGroupName);
		calls.put("getLogStreamName", context::getLogStreamName);
		calls.put("getFunctionName", context::getFunctionName);
		calls.put("getFunctionVersion", context::getFunctionVersion);
		calls.put("getInvokedFunctionArn", context::getInvokedFunctionArn);
		calls.put("getIdentity", context::getIdentity);
		calls.put("getClientContext", context::getClientContext);
		calls.put("getRemainingTimeInMillis", context::getRemainingTimeInMillis);
		calls.put("getMemoryLimitInMB", context::getMemoryLimitInMB);
		calls.put("getLogger", context::getLogger);
		calls.put("getTenantId", context::getTenantId);
		calls.put("getXrayTraceId", context::getXrayTraceId);
		return calls;
	}

}

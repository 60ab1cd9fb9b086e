package dev.lambdaruntime.runtime;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link InvocationContext}, {@link Invocation} and {@link LambdaEnvironment}.
 */
class InvocationContextTests {

	private static final String CLIENT_CONTEXT = """
			{"client":{"installation_id":"install-1","app_title":"My App","app_version_name":"1.2.3",\
			"app_version_code":"123","app_package_name":"com.example.app"},\
			"custom":{"plan":"gold","count":3,"flag":true,"nested":{"a":1}},\
			"env":{"platform":"Android","locale":"fr_FR"}}""";

	private static final String COGNITO_IDENTITY = """
			{"cognitoIdentityId":"us-east-1:1234-abcd","cognitoIdentityPoolId":"us-east-1:pool-5678"}""";

	private static final LambdaEnvironment ENVIRONMENT = LambdaEnvironment.from(Map.of(
			"AWS_LAMBDA_FUNCTION_NAME", "my-function", "AWS_LAMBDA_FUNCTION_VERSION", "$LATEST",
			"AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512", "AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/my-function",
			"AWS_LAMBDA_LOG_STREAM_NAME", "2026/01/01/[$LATEST]abcdef")::get);

	@Test
	void fillsEveryMethodFromTheInvocationAndTheEnvironment() {
		long deadline = System.currentTimeMillis() + 60_000;
		Invocation invocation = new Invocation("req-1", deadline,
				"arn:aws:lambda:eu-west-1:123456789012:function:my-function:live",
				"Root=1-65a1b2c3-0123456789abcdef01234567;Parent=0123456789abcdef;Sampled=1", CLIENT_CONTEXT,
				COGNITO_IDENTITY, "tenant-7", new byte[0]);
		Context context = new InvocationContext(invocation, ENVIRONMENT);
		assertThat(context.getAwsRequestId()).isEqualTo("req-1");
		assertThat(context.getInvokedFunctionArn())
			.isEqualTo("arn:aws:lambda:eu-west-1:123456789012:function:my-function:live");
		assertThat(context.getXrayTraceId())
			.isEqualTo("Root=1-65a1b2c3-0123456789abcdef01234567;Parent=0123456789abcdef;Sampled=1");
		assertThat(context.getTenantId()).isEqualTo("tenant-7");
		assertThat(context.getFunctionName()).isEqualTo("my-function");
		assertThat(context.getFunctionVersion()).isEqualTo("$LATEST");
		assertThat(context.getMemoryLimitInMB()).isEqualTo(512);
		assertThat(context.getLogGroupName()).isEqualTo("/aws/lambda/my-function");
		assertThat(context.getLogStreamName()).isEqualTo("2026/01/01/[$LATEST]abcdef");
		assertThat(context.getRemainingTimeInMillis()).isBetween(1, 60_000);
		assertThat(context.getClientContext()).isNotNull();
		assertThat(context.getIdentity()).isNotNull();
		assertThat(context.getLogger()).isNotNull();
		assertThat(context).hasToString("InvocationContext[requestId=req-1]");
	}

	@Test
	void answersNullForTheHeadersAnInvocationLacks() {
		Context context = new InvocationContext(invocation(0), LambdaEnvironment.from((name) -> null));
		assertThat(context.getInvokedFunctionArn()).isNull();
		assertThat(context.getXrayTraceId()).isNull();
		assertThat(context.getTenantId()).isNull();
		assertThat(context.getClientContext()).isNull();
		assertThat(context.getIdentity()).isNull();
		assertThat(context.getFunctionName()).isNull();
		assertThat(context.getFunctionVersion()).isNull();
		assertThat(context.getLogGroupName()).isNull();
		assertThat(context.getLogStreamName()).isNull();
		assertThat(context.getMemoryLimitInMB()).isZero();
		assertThat(context.getRemainingTimeInMillis()).isZero();
	}

	@Test
	void countsRemainingTimeDownToTheDeadline() {
		long deadline = System.currentTimeMillis() + 30_000;
		Context context = context(invocation(deadline));
		int remaining = context.getRemainingTimeInMillis();
		assertThat(remaining).as("within generous slack of the 30 s deadline").isBetween(20_000, 30_000);
	}

	@Test
	void remainingTimeIsFlooredAtZeroForAnEmulatorsRelativeDeadline() {
		// One widely used emulator sends "5000" (a duration), which is long past as an epoch.
		assertThat(context(invocation(5000)).getRemainingTimeInMillis()).isZero();
	}

	@Test
	void remainingTimeIsFlooredAtZeroForAPastDeadline() {
		assertThat(context(invocation(System.currentTimeMillis() - 10_000)).getRemainingTimeInMillis()).isZero();
	}

	@Test
	void remainingTimeIsFlooredAtZeroForANegativeDeadline() {
		assertThat(context(invocation(-1)).getRemainingTimeInMillis()).isZero();
	}

	@Test
	void remainingTimeIsCappedAtTheLargestInt() {
		assertThat(context(invocation(Long.MAX_VALUE)).getRemainingTimeInMillis()).isEqualTo(Integer.MAX_VALUE);
	}

	@Test
	void remainingTimeIsZeroForAMissingDeadlineHeader() throws RuntimeApiException {
		Invocation invocation = Invocation.from(next(Map.of("lambda-runtime-aws-request-id", "id")));
		assertThat(invocation.deadlineMillis()).isZero();
		assertThat(context(invocation).getRemainingTimeInMillis()).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "soon", "", "12.5", "1e9", "99999999999999999999999" })
	void remainingTimeIsZeroForADeadlineHeaderThatIsNotANumber(String deadline) throws RuntimeApiException {
		Invocation invocation = Invocation
			.from(next(Map.of("lambda-runtime-aws-request-id", "id", "lambda-runtime-deadline-ms", deadline)));
		assertThat(invocation.deadlineMillis()).isZero();
		assertThat(context(invocation).getRemainingTimeInMillis()).isZero();
	}

	@Test
	void remainingTimeIsZeroForTheDeadlineHeaderOfALocalEmulator() throws RuntimeApiException {
		Invocation invocation = Invocation
			.from(next(Map.of("lambda-runtime-aws-request-id", "id", "lambda-runtime-deadline-ms", "5000")));
		assertThat(invocation.deadlineMillis()).isEqualTo(5000);
		assertThat(context(invocation).getRemainingTimeInMillis()).isZero();
	}

	@Test
	void readsAnInvocationFromEveryRuntimeApiHeader() throws RuntimeApiException {
		Map<String, String> headers = new HashMap<>();
		headers.put("lambda-runtime-aws-request-id", "8476a536-e9f4-11e8-9739-2dfe598c3fcd");
		headers.put("lambda-runtime-deadline-ms", "1542409706888");
		headers.put("lambda-runtime-invoked-function-arn", "arn:aws:lambda:us-east-2:123456789012:function:custom");
		headers.put("lambda-runtime-trace-id", "Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419");
		headers.put("lambda-runtime-client-context", CLIENT_CONTEXT);
		headers.put("lambda-runtime-cognito-identity", COGNITO_IDENTITY);
		headers.put("lambda-runtime-aws-tenant-id", "tenant-a");
		byte[] body = "{\"key\":\"value\"}".getBytes(StandardCharsets.UTF_8);
		Invocation invocation = Invocation.from(new HttpResponse(200, headers, body));
		assertThat(invocation.requestId()).isEqualTo("8476a536-e9f4-11e8-9739-2dfe598c3fcd");
		assertThat(invocation.deadlineMillis()).isEqualTo(1542409706888L);
		assertThat(invocation.invokedFunctionArn()).isEqualTo("arn:aws:lambda:us-east-2:123456789012:function:custom");
		assertThat(invocation.traceId()).isEqualTo("Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419");
		assertThat(invocation.clientContext()).isEqualTo(CLIENT_CONTEXT);
		assertThat(invocation.cognitoIdentity()).isEqualTo(COGNITO_IDENTITY);
		assertThat(invocation.tenantId()).isEqualTo("tenant-a");
		assertThat(invocation.payload()).isSameAs(body);
	}

	@Test
	void acceptsADeadlineHeaderWithSurroundingSpaces() throws RuntimeApiException {
		Invocation invocation = Invocation
			.from(next(Map.of("lambda-runtime-aws-request-id", "id", "lambda-runtime-deadline-ms", " 1700000000000 ")));
		assertThat(invocation.deadlineMillis()).isEqualTo(1700000000000L);
	}

	@Test
	void parsesTheClientContextHeader() {
		ClientContext clientContext = context(invocationWith(CLIENT_CONTEXT, null)).getClientContext();
		assertThat(clientContext).isNotNull();
		assertThat(clientContext.getClient().getInstallationId()).isEqualTo("install-1");
		assertThat(clientContext.getClient().getAppTitle()).isEqualTo("My App");
		assertThat(clientContext.getClient().getAppVersionName()).isEqualTo("1.2.3");
		assertThat(clientContext.getClient().getAppVersionCode()).isEqualTo("123");
		assertThat(clientContext.getClient().getAppPackageName()).isEqualTo("com.example.app");
		assertThat(clientContext.getCustom()).containsExactly(Map.entry("plan", "gold"), Map.entry("count", "3"),
				Map.entry("flag", "true"), Map.entry("nested", "{\"a\":1}"));
		assertThat(clientContext.getEnvironment()).containsExactly(Map.entry("platform", "Android"),
				Map.entry("locale", "fr_FR"));
	}

	@Test
	void parsesAClientContextWithOnlyCustomValues() {
		ClientContext clientContext = context(invocationWith("{\"custom\":{\"k\":\"v\"}}", null)).getClientContext();
		assertThat(clientContext).isNotNull();
		assertThat(clientContext.getClient()).isNotNull();
		assertThat(clientContext.getClient().getInstallationId()).isNull();
		assertThat(clientContext.getClient().getAppTitle()).isNull();
		assertThat(clientContext.getCustom()).containsExactly(Map.entry("k", "v"));
		assertThat(clientContext.getEnvironment()).isEmpty();
	}

	@Test
	void treatsJsonNullClientFieldsAsAbsent() {
		ClientContext clientContext = context(
				invocationWith("{\"client\":{\"installation_id\":null,\"app_title\":\"t\"}}", null))
			.getClientContext();
		assertThat(clientContext.getClient().getInstallationId()).isNull();
		assertThat(clientContext.getClient().getAppTitle()).isEqualTo("t");
	}

	@Test
	void parsesTheClientContextOnceAndKeepsIt() {
		InvocationContext context = context(invocationWith(CLIENT_CONTEXT, COGNITO_IDENTITY));
		assertThat(context.getClientContext()).isSameAs(context.getClientContext());
		assertThat(context.getIdentity()).isSameAs(context.getIdentity());
	}

	@Test
	void parsesTheCognitoIdentityHeader() {
		CognitoIdentity identity = context(invocationWith(null, COGNITO_IDENTITY)).getIdentity();
		assertThat(identity).isNotNull();
		assertThat(identity.getIdentityId()).isEqualTo("us-east-1:1234-abcd");
		assertThat(identity.getIdentityPoolId()).isEqualTo("us-east-1:pool-5678");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{not json", "[1,2,3]", "\"a string\"", "42", "null", "   ", "{\"client\":" })
	void answersNullForAClientContextThatIsNotAJsonObject(String header) {
		assertThat(context(invocationWith(header, null)).getClientContext()).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "{not json", "[\"id\"]", "true", "", "{\"cognitoIdentityId\":" })
	void answersNullForACognitoIdentityThatIsNotAJsonObject(String header) {
		assertThat(context(invocationWith(null, header)).getIdentity()).isNull();
	}

	@Test
	void readsTheEnvironmentThroughItsLookup() {
		LambdaEnvironment environment = LambdaEnvironment.from(Map.of("AWS_LAMBDA_FUNCTION_NAME", "fn",
				"AWS_LAMBDA_FUNCTION_VERSION", "7", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", " 1024 ",
				"AWS_LAMBDA_LOG_GROUP_NAME", "group", "AWS_LAMBDA_LOG_STREAM_NAME", "stream")::get);
		assertThat(environment).isEqualTo(new LambdaEnvironment("fn", "7", 1024, "group", "stream"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "lots", "", "1.5", "99999999999" })
	void readsAnUnparseableMemorySizeAsZero(String memory) {
		LambdaEnvironment environment = LambdaEnvironment.from(Map.of("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", memory)::get);
		assertThat(environment.memoryLimitInMb()).isZero();
	}

	@Test
	void readsAMissingEnvironmentAsNullsAndZero() {
		assertThat(LambdaEnvironment.from((name) -> null)).isEqualTo(new LambdaEnvironment(null, null, 0, null, null));
	}

	@Test
	@ResourceLock(Resources.SYSTEM_OUT)
	void logsToStandardOutputWithoutAddingALineBreak() {
		LambdaLogger logger = context(invocation(0)).getLogger();
		PrintStream original = System.out;
		ByteArrayOutputStream captured = new ByteArrayOutputStream();
		System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
		try {
			logger.log("first message\n");
			logger.log("caf\u00e9 ".getBytes(StandardCharsets.UTF_8));
			logger.log("end");
		}
		finally {
			System.setOut(original);
		}
		assertThat(captured.toString(StandardCharsets.UTF_8)).isEqualTo("first message\ncaf\u00e9 end");
	}

	private static InvocationContext context(Invocation invocation) {
		return new InvocationContext(invocation, ENVIRONMENT);
	}

	private static Invocation invocation(long deadline) {
		return new Invocation("req", deadline, null, null, null, null, null, new byte[0]);
	}

	private static Invocation invocationWith(String clientContext, String cognitoIdentity) {
		return new Invocation("req", 0, null, null, clientContext, cognitoIdentity, null, new byte[0]);
	}

	private static HttpResponse next(Map<String, String> headers) {
		return new HttpResponse(200, headers, new byte[0]);
	}

}

package dev.lambdaruntime.emulator.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CreateFunctionResponse;
import software.amazon.awssdk.services.lambda.model.Environment;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionVersion;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LastUpdateStatus;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.PublishVersionResponse;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.State;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionCodeResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Drives the local Lambda service with the AWS SDK's own {@link LambdaClient}, as deploy tools
 * do: each function is a zip whose {@code bootstrap} is a shell script that plays a runtime
 * with curl.
 */
@Timeout(60)
class LocalLambdaServiceTest {

	private static final String ROLE = "arn:aws:iam::000000000000:role/lambda";

	@TempDir
	static Path temp;

	private static final Queue<String> log = new ConcurrentLinkedQueue<>();

	private static LocalLambdaService service;

	private static LambdaClient lambda;

	@BeforeAll
	static void start() throws IOException {
		service = LocalLambdaService.builder().codeDirectory(Files.createDirectory(temp.resolve("code")))
			.logOutput(log::add)
			.build();
		lambda = LambdaClients.of(service.endpoint());
	}

	@AfterAll
	static void stop() {
		lambda.close();
		service.close();
	}

	@Test
	void createdFunctionIsActiveAndAnswersWhenInvokedByName() throws IOException {
		CreateFunctionResponse created = create("greeter", "v1", Map.of("GREETING", "hello"));

		assertThat(created.functionArn()).isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:greeter");
		assertThat(created.runtimeAsString()).isEqualTo("provided.al2023");
		assertThat(created.handler()).isEqualTo("bootstrap");
		assertThat(created.version()).isEqualTo("$LATEST");
		assertThat(created.codeSha256()).isNotBlank();
		FunctionConfiguration active = lambda.waiter()
			.waitUntilFunctionActiveV2((request) -> request.functionName("greeter"))
			.matched()
			.response()
			.orElseThrow()
			.configuration();
		assertThat(active.state()).isEqualTo(State.ACTIVE);
		JsonNode answer = invoke("greeter", null);
		assertThat(answer.get("code").asString()).isEqualTo("v1");
		assertThat(answer.get("greeting").asString()).isEqualTo("hello");
		assertThat(answer.get("memory").asString()).isEqualTo("128");
		assertThat(answer.get("handler").asString()).isEqualTo("bootstrap");
		assertThat(answer.get("cwd").asString()).isEqualTo(answer.get("taskRoot").asString())
			.startsWith(temp.resolve("code").resolve("greeter").toString());
	}

	@Test
	void updatedCodeAnswersTheNextInvocation() throws IOException {
		create("updated-code", "v1", Map.of());
		assertThat(invoke("updated-code", null).get("code").asString()).isEqualTo("v1");

		SdkBytes newCode = SdkBytes.fromByteArray(FunctionZips.echoing(temp, "v2"));

		UpdateFunctionCodeResponse updated = lambda
			.updateFunctionCode((request) -> request.functionName("updated-code").zipFile(newCode));
		lambda.waiter().waitUntilFunctionUpdatedV2((request) -> request.functionName("updated-code"));

		assertThat(updated.lastUpdateStatus()).isEqualTo(LastUpdateStatus.SUCCESSFUL);
		assertThat(invoke("updated-code", null).get("code").asString()).isEqualTo("v2");
	}

	@Test
	void updatedConfigurationReachesTheRuntime() throws IOException {
		create("updated-configuration", "v1", Map.of("GREETING", "hello"));
		assertThat(invoke("updated-configuration", null).get("greeting").asString()).isEqualTo("hello");

		lambda.updateFunctionConfiguration((request) -> request.functionName("updated-configuration")
			.memorySize(256)
			.timeout(30)
			.environment(Environment.builder().variables(Map.of("GREETING", "bonjour")).build()));
		lambda.waiter().waitUntilFunctionUpdatedV2((request) -> request.functionName("updated-configuration"));

		GetFunctionConfigurationResponse configuration = lambda
			.getFunctionConfiguration((request) -> request.functionName("updated-configuration"));
		assertThat(configuration.memorySize()).isEqualTo(256);
		assertThat(configuration.timeout()).isEqualTo(30);
		assertThat(configuration.environment().variables()).containsExactly(Map.entry("GREETING", "bonjour"));
		JsonNode answer = invoke("updated-configuration", null);
		assertThat(answer.get("greeting").asString()).isEqualTo("bonjour");
		assertThat(answer.get("memory").asString()).isEqualTo("256");
	}

	@Test
	void publishedVersionKeepsItsCodeAfterAnUpdate() throws IOException {
		create("published", "v1", Map.of());

		SdkBytes newCode = SdkBytes.fromByteArray(FunctionZips.echoing(temp, "v2"));

		PublishVersionResponse version = lambda.publishVersion((request) -> request.functionName("published"));
		lambda.updateFunctionCode((request) -> request.functionName("published").zipFile(newCode));

		assertThat(version.version()).isEqualTo("1");
		assertThat(version.functionArn()).endsWith(":function:published:1");
		assertThat(invoke("published", "1").get("code").asString()).isEqualTo("v1");
		assertThat(invoke("published", null).get("code").asString()).isEqualTo("v2");
		assertThat(invoke("published:1", null).get("code").asString()).isEqualTo("v1");
		assertThat(lambda.getFunction((request) -> request.functionName("published").qualifier("1"))
			.configuration()
			.codeSha256()).isEqualTo(version.codeSha256());
	}

	@Test
	void listsFunctionsAndWithAllVersionsTheirPublishedOnes() throws IOException {
		create("listed", "v1", Map.of());
		lambda.publishVersion((request) -> request.functionName("listed"));

		assertThat(lambda.listFunctionsPaginator((request) -> request.maxItems(1))
			.functions()
			.stream()
			.map(FunctionConfiguration::functionName)).contains("listed").doesNotHaveDuplicates();
		assertThat(lambda.listFunctions((request) -> request.functionVersion(FunctionVersion.ALL))
			.functions()
			.stream()
			.filter((function) -> function.functionName().equals("listed"))
			.map(FunctionConfiguration::version)).containsExactly("$LATEST", "1");
	}

	@Test
	void deletedFunctionIsGoneWithItsFolder() throws IOException {
		create("deleted", "v1", Map.of());
		invoke("deleted", null);

		lambda.deleteFunction((request) -> request.functionName("deleted"));

		assertThatExceptionOfType(ResourceNotFoundException.class)
			.isThrownBy(() -> lambda.getFunction((request) -> request.functionName("deleted")))
			.satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(404))
			.withMessageContaining("Function not found: arn:aws:lambda:us-east-1:000000000000:function:deleted");
		assertThat(temp.resolve("code").resolve("deleted")).doesNotExist();
	}

	@Test
	void unzippedCodeIsReadOnlyAndBootstrapIsExecutable() throws IOException {
		create("read-only", "v1", Map.of());

		Path folder;
		try (Stream<Path> folders = Files.list(temp.resolve("code").resolve("read-only"))) {
			folder = folders.findFirst().orElseThrow();
		}
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve("bootstrap"))))
			.isEqualTo("r-xr-xr-x");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve("lib/data.txt"))))
			.isEqualTo("r--r--r--");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve("lib"))))
			.isEqualTo("r-xr-xr-x");
	}

	@Test
	void invokeTellsTheLogTailAndTakesEvents() throws IOException {
		create("logged", "v1", Map.of());

		InvokeResponse tailed = lambda.invoke((request) -> request.functionName("logged").logType(LogType.TAIL));
		InvokeResponse event = lambda
			.invoke((request) -> request.functionName("logged").invocationType(InvocationType.EVENT));

		assertThat(new String(Base64.getDecoder().decode(tailed.logResult()), StandardCharsets.UTF_8))
			.contains("START RequestId: " + tailed.responseMetadata().requestId());
		assertThat(event.statusCode()).isEqualTo(202);
	}

	@Test
	void creatingAFunctionTwiceIsAConflict() throws IOException {
		create("twice", "v1", Map.of());

		assertThatExceptionOfType(ResourceConflictException.class).isThrownBy(() -> create("twice", "v2", Map.of()))
			.satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(409))
			.withMessageContaining("Function already exist: twice");
	}

	@Test
	void aZipThatIsNotOneIsRefused() {
		assertThatExceptionOfType(InvalidParameterValueException.class)
			.isThrownBy(() -> create("not-a-zip", "not a zip".getBytes(StandardCharsets.UTF_8), Map.of()))
			.satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(400))
			.withMessageContaining("Could not unzip uploaded file");
		assertThatExceptionOfType(ResourceNotFoundException.class)
			.isThrownBy(() -> lambda.getFunction((request) -> request.functionName("not-a-zip")));
	}

	@Test
	void aZipEntryOutsideTheFunctionsFolderIsRefused() throws IOException {
		ByteArrayOutputStream zip = new ByteArrayOutputStream();
		try (ZipOutputStream out = new ZipOutputStream(zip)) {
			out.putNextEntry(new ZipEntry("../escaped.txt"));
			out.write("escaped".getBytes(StandardCharsets.UTF_8));
		}

		assertThatExceptionOfType(InvalidParameterValueException.class)
			.isThrownBy(() -> create("zip-slip", zip.toByteArray(), Map.of()))
			.withMessageContaining("../escaped.txt would be unzipped outside the function's folder");
		assertThat(temp.resolve("code").resolve("zip-slip").resolve("escaped.txt")).doesNotExist();
		assertThat(temp.resolve("code").resolve("escaped.txt")).doesNotExist();
	}

	@Test
	void aFunctionWithoutBootstrapFailsItsInvocationsAsLambdaDoes() throws IOException {
		create("no-bootstrap", FunctionZips.zip(temp, Map.of("handler.txt", "none"), ""), Map.of());

		InvokeResponse response = lambda.invoke((request) -> request.functionName("no-bootstrap"));

		assertThat(response.functionError()).isEqualTo("Unhandled");
		assertThat(response.payload().asUtf8String()).contains("Runtime.InvalidEntrypoint")
			.contains("Couldn't find valid bootstrap(s)");
	}

	@Test
	void unknownFunctionsAreNotFound() {
		assertThatExceptionOfType(ResourceNotFoundException.class)
			.isThrownBy(() -> lambda.invoke((request) -> request.functionName("unknown")));
		assertThatExceptionOfType(ResourceNotFoundException.class)
			.isThrownBy(() -> lambda.updateFunctionConfiguration((request) -> request.functionName("unknown")
				.timeout(10)));
	}

	private static CreateFunctionResponse create(String name, String codeVersion, Map<String, String> variables)
			throws IOException {
		return create(name, FunctionZips.echoing(temp, codeVersion), variables);
	}

	private static CreateFunctionResponse create(String name, byte[] zip, Map<String, String> variables) {
		return lambda.createFunction((request) -> request.functionName(name)
			.runtime("provided.al2023")
			.handler("bootstrap")
			.role(ROLE)
			.environment(Environment.builder().variables(variables).build())
			.code((code) -> code.zipFile(SdkBytes.fromByteArray(zip))));
	}

	private static JsonNode invoke(String name, String qualifier) {
		InvokeResponse response = lambda.invoke((request) -> request.functionName(name)
			.qualifier(qualifier)
			.payload(SdkBytes.fromUtf8String("{}")));
		assertThat(response.functionError()).as(response.payload().asUtf8String()).isNull();
		return JsonMapper.shared().readTree(response.payload().asUtf8String());
	}

}

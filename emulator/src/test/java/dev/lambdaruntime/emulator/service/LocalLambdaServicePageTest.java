package dev.lambdaruntime.emulator.service;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local Lambda service's page: its functions, each with its own history, and the guard
 * against other sites' pages in front of the control plane too.
 */
@Timeout(60)
@ExtendWith(OutputCaptureExtension.class)
class LocalLambdaServicePageTest {

	private final List<String> log = new ArrayList<>();

	@AutoClose
	private final LocalLambdaService service = LocalLambdaService.builder().logOutput(this.log::add).build();

	@AutoClose
	private final LambdaClient lambda = LambdaClients.of(this.service.endpoint());

	private final HttpClient http = HttpClient.newHttpClient();

	@TempDir
	Path temp;

	@Test
	void pageListsTheFunctionsAndEachHasItsOwnHistory() throws Exception {
		create("invoked");
		create("idle");
		this.lambda.invoke((request) -> request.functionName("invoked").payload(SdkBytes.fromUtf8String("{\"n\":1}")));

		JsonNode functions = get("/emulator/api/functions").get("functions");
		JsonNode invoked = get("/emulator/api/functions/invoked/invocations").get("invocations");
		JsonNode all = get("/emulator/api/invocations").get("invocations");

		assertThat(functions.findValuesAsString("FunctionName")).containsExactly("invoked", "idle");
		assertThat(invoked).hasSize(1);
		assertThat(invoked.get(0).get("functionName").asString()).isEqualTo("invoked");
		assertThat(invoked.get(0).get("requestBody").asString()).isEqualTo("{\"n\":1}");
		assertThat(get("/emulator/api/functions/idle/invocations").get("invocations")).isEmpty();
		assertThat(all).hasSize(1);
		assertThat(all.get(0).get("requestId")).isEqualTo(invoked.get(0).get("requestId"));
	}

	@Test
	void historyOutlivesTheRuntimesThatUpdatesStop() throws Exception {
		create("updated");
		this.lambda.invoke((request) -> request.functionName("updated"));

		this.lambda.updateFunctionConfiguration((request) -> request.functionName("updated").memorySize(256));
		this.lambda.invoke((request) -> request.functionName("updated"));

		assertThat(get("/emulator/api/functions/updated/invocations").get("invocations")).hasSize(2);
	}

	@Test
	void pageOffersTheFunctionsToPick() throws Exception {
		HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/emulator/")));
		HttpResponse<String> script = send(HttpRequest.newBuilder(uri("/emulator/functions.js")));

		assertThat(page.body()).contains("list=\"function-names\"", "<script src=\"functions.js\" defer>",
				"value=\"\"");
		assertThat(script.statusCode()).isEqualTo(200);
		assertThat(script.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
	}

	@Test
	void anUnknownFunctionHasNoHistory() throws Exception {
		HttpResponse<String> response = send(
				HttpRequest.newBuilder(uri("/emulator/api/functions/unknown/invocations")));

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("Function not found");
	}

	@Test
	void aForeignOriginIsRefusedByTheControlPlane(CapturedOutput output) throws Exception {
		HttpResponse<String> response = send(
				HttpRequest.newBuilder(uri("/2015-03-31/functions/")).header("Origin", "http://evil.example"));

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(output).contains("Lambda emulator refused GET /2015-03-31/functions/: the Origin "
				+ "http://evil.example is not the emulator's own");
	}

	private void create(String name) throws IOException {
		byte[] zip = FunctionZips.echoing(this.temp, "v1");
		this.lambda.createFunction((request) -> request.functionName(name)
			.runtime("provided.al2023")
			.handler("bootstrap")
			.role("arn:aws:iam::000000000000:role/lambda")
			.environment((environment) -> environment.variables(Map.of()))
			.code((code) -> code.zipFile(SdkBytes.fromByteArray(zip))));
	}

	private JsonNode get(String path) throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JsonMapper.shared().readTree(response.body());
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.build(), BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create(this.service.endpoint() + path);
	}

}

package dev.lambdaruntime.emulator.page;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.CompletableFuture;

import dev.lambdaruntime.emulator.InvocationResult;
import dev.lambdaruntime.emulator.InvokeClient;
import dev.lambdaruntime.emulator.LambdaEmulator;
import dev.lambdaruntime.emulator.RuntimeClient;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(30)
class PageEndpointTest {

	private static final Pattern IMPORT = Pattern.compile("from '\\./([a-z]+\\.js)'");

	@AutoClose
	private final LambdaEmulator emulator = LambdaEmulator.builder().functionName("orders").build();

	private final InvokeClient client = new InvokeClient(this.emulator);

	@Test
	void rootLeadsToThePage() throws Exception {
		for (String path : new String[] { "/", "/emulator" }) {
			HttpResponse<String> answer = this.client.get(path);

			assertThat(answer.statusCode()).isEqualTo(302);
			assertThat(answer.headers().firstValue("Location")).hasValue(PageEndpoint.PATH);
		}
		assertThat(this.emulator.pageUrl()).isEqualTo("http://" + this.emulator.runtimeApi() + "/emulator/");
	}

	@Test
	void pageNamesTheEmulatorsFunction() throws Exception {
		HttpResponse<String> page = this.client.get(PageEndpoint.PATH);

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
		assertThat(page.body()).contains("<title>Lambda emulator</title>").contains("value=\"orders\"");
	}

	@Test
	void pageFilesComeWithTheirTypesAndAPolicyThatAllowsNoOtherOrigin() throws Exception {
		assertThat(this.client.get("/emulator/index.html").body()).contains("value=\"orders\"");
		assertContentType("/emulator/app.js", "text/javascript; charset=utf-8");
		assertContentType("/emulator/templates.js", "text/javascript; charset=utf-8");
		assertContentType("/emulator/style.css", "text/css; charset=utf-8");
		HttpResponse<String> script = this.client.get("/emulator/app.js");
		assertThat(script.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
				(policy) -> assertThat(policy).contains("default-src 'none'", "script-src 'self'", "connect-src 'self'"));
		assertThat(script.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
	}

	@Test
	void eachEventTemplateIsServedAsJsonBesideTheirIndex() throws Exception {
		HttpResponse<String> index = this.client.get("/emulator/templates/");

		assertThat(index.statusCode()).isEqualTo(200);
		assertThat(index.headers().firstValue("Content-Type")).hasValue("application/json");
		List<String> ids = JsonMapper.shared().readTree(index.body()).valueStream()
			.map((template) -> template.get("id").asString())
			.toList();
		assertThat(ids).contains("string", "apigateway-rest", "sqs", "kafka-self-managed", "cloudwatch-logs");
		for (String id : ids) {
			assertContentType("/emulator/templates/" + id + ".json", "application/json");
		}
		assertThat(this.client.json("/emulator/templates/sqs.json").at("/Records/0/eventSource").asString())
			.isEqualTo("aws:sqs");
	}

	@Test
	void templatesScriptGivesThePageEachTemplateWithItsEvent() throws Exception {
		String script = this.client.get("/emulator/templates.js").body();

		String array = script.substring(script.indexOf("Object.freeze(") + "Object.freeze(".length(),
				script.lastIndexOf(");"));
		JsonNode templates = JsonMapper.shared().readTree(array);
		JsonNode index = this.client.json("/emulator/templates/");
		assertThat(templates).hasSameSizeAs(index);
		for (int i = 0; i < index.size(); i++) {
			String id = index.get(i).get("id").asString();
			assertThat(templates.get(i).get("label")).isEqualTo(index.get(i).get("label"));
			assertThat(templates.get(i).get("event")).as(id)
				.isEqualTo(this.client.json("/emulator/templates/" + id + ".json"));
		}
	}

	@Test
	void everyModuleThePageImportsIsServedAsJavaScript() throws Exception {
		Deque<String> modules = new ArrayDeque<>(List.of("app.js"));
		Set<String> served = new HashSet<>();
		while (!modules.isEmpty()) {
			String module = modules.pop();
			if (served.add(module)) {
				HttpResponse<String> script = assertContentType("/emulator/" + module, "text/javascript; charset=utf-8");
				Matcher imports = IMPORT.matcher(script.body());
				while (imports.find()) {
					modules.push(imports.group(1));
				}
			}
		}
		assertThat(served).contains("app.js", "api.js", "events.js", "history.js", "result.js", "view.js");
	}

	@Test
	void onlyThePagesOwnFilesAreServed() throws Exception {
		for (String path : new String[] { "/emulator/page/app.js", "/emulator/../LambdaEmulator.class",
				"/emulator/%2e%2e/LambdaEmulator.class", "/emulator/secret.txt", "/emulator/templates/missing.json",
				"/emulator/templates/../app.js", "/emulator/templates/%2e%2e/PageEndpoint.class" }) {
			assertThat(this.client.get(path).statusCode()).as(path).isEqualTo(404);
		}
	}

	@Test
	void pageIsReadOnly() throws Exception {
		HttpResponse<String> answer = this.client
			.send(this.client.requestTo(PageEndpoint.PATH).POST(BodyPublishers.ofString("{}")));

		assertThat(answer.statusCode()).isEqualTo(405);
		assertThat(answer.headers().firstValue("Allow")).hasValue("GET");
	}

	@Test
	void runtimeApiStillServesEveryOtherPathUnderTheRoot() throws Exception {
		assertThat(this.client.send(this.client.requestTo("/").POST(BodyPublishers.ofString("{}"))).statusCode())
			.isEqualTo(404);
		assertThat(this.client.get("/favicon.ico").statusCode()).isEqualTo(404);
		CompletableFuture<InvocationResult> result = this.emulator.invoke("{}");
		RuntimeClient prefixed = new RuntimeClient(this.emulator, "/orders");
		prefixed.respond(RuntimeClient.requestId(prefixed.awaitNext()), "\"done\"");
		assertThat(result).succeedsWithin(RuntimeClient.WAIT)
			.satisfies((answer) -> assertThat(answer.payloadAsString()).isEqualTo("\"done\""));
	}

	private HttpResponse<String> assertContentType(String path, String contentType) throws Exception {
		HttpResponse<String> answer = this.client.get(path);
		assertThat(answer.statusCode()).as(path).isEqualTo(200);
		assertThat(answer.headers().firstValue("Content-Type")).as(path).hasValue(contentType);
		return answer;
	}

}

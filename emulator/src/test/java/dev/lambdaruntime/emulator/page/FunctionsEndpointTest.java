package dev.lambdaruntime.emulator.page;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;

import dev.lambdaruntime.emulator.InvokeClient;
import dev.lambdaruntime.emulator.LambdaEmulator;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(30)
class FunctionsEndpointTest {

	@AutoClose
	private final LambdaEmulator emulator = LambdaEmulator.start();

	private final InvokeClient client = new InvokeClient(this.emulator);

	@Test
	void noFunctionsUntilTheApplicationTells() throws Exception {
		assertThat(functions()).isEmpty();
	}

	@Test
	void functionsTheApplicationTellsAreServedAndReplacedWhenItTellsAgain() throws Exception {
		HttpResponse<String> first = put("""
				{"functions":[{"name":"greet","inputType":"com.example.Person","outputType":"java.lang.String"},
				{"name":"ping"}]}""");
		JsonNode told = functions();
		put("{\"functions\":[{\"name\":\"uppercase\",\"inputType\":\"java.lang.String\",\"outputType\":null}]}");

		assertThat(first.statusCode()).isEqualTo(204);
		assertThat(told).hasSize(2);
		assertThat(told.get(0).get("name").asString()).isEqualTo("greet");
		assertThat(told.get(0).get("inputType").asString()).isEqualTo("com.example.Person");
		assertThat(told.get(0).get("outputType").asString()).isEqualTo("java.lang.String");
		assertThat(told.get(1).get("inputType").isNull()).isTrue();
		assertThat(functions()).extracting((function) -> function.get("name").asString()).containsExactly("uppercase");
	}

	@Test
	void badCatalogsAreRefusedAndTheFunctionsStay() throws Exception {
		put("{\"functions\":[{\"name\":\"greet\"}]}");

		for (String bad : new String[] { "not json", "{}", "{\"functions\":{}}", "{\"functions\":[{}]}",
				"{\"functions\":[{\"name\":\"\"}]}", "{\"functions\":[{\"name\":\"a\",\"inputType\":3}]}" }) {
			HttpResponse<String> refused = put(bad);

			assertThat(refused.statusCode()).as(bad).isEqualTo(400);
			assertThat(refused.body()).as(bad).contains("InvalidFunctions");
		}
		HttpResponse<String> tooLarge = put("{\"functions\":[{\"name\":\"" + "a".repeat(FunctionsEndpoint.MAX_BYTES)
				+ "\"}]}");
		assertThat(tooLarge.statusCode()).isEqualTo(413);
		assertThat(functions()).extracting((function) -> function.get("name").asString()).containsExactly("greet");
	}

	private JsonNode functions() throws Exception {
		return JsonMapper.shared().readTree(this.client.get(FunctionsEndpoint.PATH).body()).get("functions");
	}

	private HttpResponse<String> put(String catalog) throws Exception {
		return this.client.send(this.client.requestTo(FunctionsEndpoint.PATH).PUT(BodyPublishers.ofString(catalog)));
	}

}

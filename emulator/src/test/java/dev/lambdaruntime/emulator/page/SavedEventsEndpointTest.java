package dev.lambdaruntime.emulator.page;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.lambdaruntime.emulator.InvokeClient;
import dev.lambdaruntime.emulator.LambdaEmulator;
import dev.lambdaruntime.emulator.http.RequestBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(30)
class SavedEventsEndpointTest {

	private final Path folder;

	private final LambdaEmulator emulator;

	private final InvokeClient client;

	SavedEventsEndpointTest(@TempDir Path project) {
		this.folder = project.resolve("src/test/resources/lambda-events");
		this.emulator = LambdaEmulator.builder().eventsDir(this.folder).build();
		this.client = new InvokeClient(this.emulator);
	}

	@AfterEach
	void close() {
		this.emulator.close();
	}

	@Test
	void noEventsUntilOneIsSavedAndTheFolderIsCreatedForIt() throws Exception {
		JsonNode empty = list();
		HttpResponse<String> saved = put("order 42", "{\"orderId\": 42}");

		assertThat(empty.get("events")).isEmpty();
		assertThat(empty.get("folder").asString()).isEqualTo(this.folder.toString());
		assertThat(saved.statusCode()).isEqualTo(204);
		assertThat(this.folder.resolve("order 42.json")).hasContent("{\"orderId\": 42}");
		assertThat(list().get("events")).extracting(JsonNode::asString).containsExactly("order 42");
	}

	@Test
	void savedEventIsReadAsItWasWrittenAndReplacedWhole() throws Exception {
		put("greeting", "\"hello\"");
		put("greeting", "{\n  \"name\": \"Ada\"\n}");

		HttpResponse<String> read = get("greeting");

		assertThat(read.statusCode()).isEqualTo(200);
		assertThat(read.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(read.body()).isEqualTo("{\n  \"name\": \"Ada\"\n}");
		assertThat(Files.list(this.folder)).containsExactly(this.folder.resolve("greeting.json"));
	}

	@Test
	void filesOfTheFolderThatAreNoSavedEventsAreNotListed() throws Exception {
		Files.createDirectories(this.folder);
		Files.writeString(this.folder.resolve("b.json"), "{}");
		Files.writeString(this.folder.resolve("A.json"), "{}");
		Files.writeString(this.folder.resolve("notes.txt"), "no event");
		Files.writeString(this.folder.resolve("x.y.json"), "{}");

		assertThat(list().get("events")).extracting(JsonNode::asString).containsExactly("A", "b");
	}

	@Test
	void deletedEventIsGoneAndDeletingItAgainIsANotFound() throws Exception {
		put("gone", "{}");

		HttpResponse<String> deleted = this.client.send(this.client.requestTo(SavedEventsEndpoint.PATH + "/gone").DELETE());
		HttpResponse<String> again = this.client.send(this.client.requestTo(SavedEventsEndpoint.PATH + "/gone").DELETE());

		assertThat(deleted.statusCode()).isEqualTo(204);
		assertThat(this.folder.resolve("gone.json")).doesNotExist();
		assertThat(again.statusCode()).isEqualTo(404);
		assertThat(get("gone").statusCode()).isEqualTo(404);
	}

	@Test
	void namesThatCouldLeaveTheFolderAreRefused() throws Exception {
		for (String rawName : new String[] { "..%2Fsecret", "..", "a.b", "%2Fetc%2Fpasswd", "a%5Cb", "%20lead",
				"x".repeat(101) }) {
			HttpResponse<String> refused = this.client
				.send(this.client.requestTo(SavedEventsEndpoint.PATH + "/" + rawName).PUT(BodyPublishers.ofString("{}")));

			assertThat(refused.statusCode()).as(rawName).isEqualTo(400);
			assertThat(refused.body()).as(rawName).contains("InvalidEventName",
					"1 to 100 letters, digits, spaces, hyphens and underscores");
		}
		assertThat(this.folder).doesNotExist();
	}

	@Test
	void eventsThatAreNoJsonOrTooLargeAreRefusedAndNothingIsWritten() throws Exception {
		HttpResponse<String> notJson = put("broken", "{not json");
		HttpResponse<String> empty = put("empty", "");
		HttpResponse<String> tooLarge = put("large", "\"" + "x".repeat(RequestBody.MAX_LENGTH) + "\"");

		assertThat(notJson.statusCode()).isEqualTo(400);
		assertThat(notJson.body()).contains("InvalidEvent", "A saved event is JSON");
		assertThat(empty.statusCode()).isEqualTo(400);
		assertThat(empty.body()).contains("the event is empty");
		assertThat(tooLarge.statusCode()).isEqualTo(413);
		assertThat(list().get("events")).isEmpty();
	}

	@Test
	void otherMethodsAreRefused() throws Exception {
		HttpResponse<String> postToList = this.client
			.send(this.client.requestTo(SavedEventsEndpoint.PATH).POST(BodyPublishers.ofString("{}")));
		HttpResponse<String> postToEvent = this.client
			.send(this.client.requestTo(SavedEventsEndpoint.PATH + "/a").POST(BodyPublishers.ofString("{}")));

		assertThat(postToList.statusCode()).isEqualTo(405);
		assertThat(postToEvent.statusCode()).isEqualTo(405);
	}

	private JsonNode list() throws Exception {
		return JsonMapper.shared().readTree(this.client.get(SavedEventsEndpoint.PATH).body());
	}

	private HttpResponse<String> get(String name) throws Exception {
		return this.client.get(SavedEventsEndpoint.PATH + "/" + name);
	}

	private HttpResponse<String> put(String name, String event) throws Exception {
		return this.client.send(this.client.requestTo(SavedEventsEndpoint.PATH + "/" + name.replace(" ", "%20"))
			.PUT(BodyPublishers.ofString(event)));
	}

}

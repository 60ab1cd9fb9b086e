package dev.lambdaruntime.emulator.page;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The example events of the page's template picker, shaped as AWS's documented sample events:
 * {@code templates/index.json} lists each template's id, label and the Java type a function takes
 * it as, and {@code templates/ID.json} holds its event. Read once from the jar, served as files for
 * curl and scripts, and as one array for the page's {@code templates.js}.
 */
final class EventTemplates {

	/** The folder of the templates, beside the page's files. */
	static final String FOLDER = "templates/";

	private static final String INDEX = FOLDER + "index.json";

	private static final EventTemplates BUNDLED = load();

	private final Map<String, byte[]> files;

	private final String withEvents;

	private EventTemplates(Map<String, byte[]> files, String withEvents) {
		this.files = files;
		this.withEvents = withEvents;
	}

	/** The templates in the jar. */
	static EventTemplates bundled() {
		return BUNDLED;
	}

	/**
	 * A template's event or the index, by its path under the page.
	 * @param path such as {@code templates/sqs.json}, or {@code templates/} for the index
	 * @return its bytes, or {@code null} when no template has that path
	 */
	byte @Nullable [] file(String path) {
		return this.files.get(path.equals(FOLDER) ? INDEX : path);
	}

	/** The index's entries, each with its template's event as {@code event}, as a JSON array. */
	String withEvents() {
		return this.withEvents;
	}

	private static EventTemplates load() {
		Map<String, byte[]> files = new LinkedHashMap<>();
		byte[] index = read(INDEX);
		files.put(INDEX, index);
		JsonMapper json = JsonMapper.shared();
		ArrayNode withEvents = json.createArrayNode();
		for (JsonNode entry : json.readTree(index)) {
			String path = FOLDER + entry.required("id").asString() + ".json";
			byte[] event = read(path);
			files.put(path, event);
			ObjectNode template = ((ObjectNode) entry).deepCopy();
			template.set("event", json.readTree(event));
			withEvents.add(template);
		}
		return new EventTemplates(Map.copyOf(files), json.writeValueAsString(withEvents));
	}

	private static byte[] read(String path) {
		try (InputStream resource = EventTemplates.class.getResourceAsStream(path)) {
			if (resource == null) {
				throw new IllegalStateException("The page's " + path + " is missing from the jar");
			}
			return resource.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the page's " + path, ex);
		}
	}

}

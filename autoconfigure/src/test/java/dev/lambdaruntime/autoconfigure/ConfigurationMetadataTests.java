package dev.lambdaruntime.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every setting of ours that an IDE should complete has configuration metadata with a
 * description: the fields of {@link LambdaRuntimeProperties}, and every property that the Spring
 * modules' code reads from the {@code Environment} (found as the string literals of property
 * names in their sources).
 */
class ConfigurationMetadataTests {

	/** Sources of the modules whose code reads properties: this one and the test support. */
	private static final List<Path> SOURCES = List.of(Path.of("src/main/java"), Path.of("../test/src/main/java"));

	private static final Pattern PROPERTY_NAME = Pattern.compile("\"((?:lambda|spring|logging)\\.[a-z0-9.-]+)\"");

	/** Literals shaped like property names that are not read from the Environment, and what they are. */
	private static final Map<String, String> NOT_PROPERTIES = Map.of("lambda.invocation",
			"the name of the invocation's Micrometer observation", "spring.aot.processing",
			"a JVM system property that Spring's AOT processing sets");

	private final Map<String, JsonNode> properties = new HashMap<>();

	private final Set<String> groups = new TreeSet<>();

	ConfigurationMetadataTests() throws IOException {
		for (URL metadata : Collections.list(getClass().getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json"))) {
			try (InputStream in = metadata.openStream()) {
				JsonNode json = JsonMapper.shared().readTree(in);
				json.path("properties")
					.forEach((property) -> this.properties.put(property.get("name").asString(), property));
				json.path("groups").forEach((group) -> this.groups.add(group.get("name").asString()));
			}
		}
	}

	@Test
	void everyConfigurationPropertiesFieldHasADescription() {
		List<String> names = propertyNames(LambdaRuntimeProperties.PREFIX, LambdaRuntimeProperties.class);

		assertThat(names).contains("lambda.runtime.enabled", "lambda.runtime.streaming.functions");
		assertThat(names).allSatisfy(this::assertDescribed);
	}

	@Test
	void everyPropertyTheCodeReadsHasADescription() throws IOException {
		Set<String> read = new TreeSet<>();
		for (Path sources : SOURCES) {
			try (Stream<Path> files = Files.walk(sources)) {
				for (Path file : files.filter((path) -> path.toString().endsWith(".java")).toList()) {
					PROPERTY_NAME.matcher(Files.readString(file)).results().forEach((match) -> read.add(match.group(1)));
				}
			}
		}
		read.removeAll(NOT_PROPERTIES.keySet());
		read.removeAll(this.groups);

		assertThat(read).contains("lambda.runtime.local-run", "lambda.function", "spring.cloud.function.definition");
		assertThat(read).allSatisfy(this::assertDescribed);
	}

	private void assertDescribed(String name) {
		JsonNode property = metadataOf(name);
		assertThat(property).as("metadata of %s", name).isNotNull();
		assertThat(property.path("description").asString()).as("description of %s", name).isNotBlank();
	}

	/**
	 * A property's metadata, or that of the map it is an entry of: {@code logging.level} for
	 * {@code logging.level.root}.
	 */
	private @Nullable JsonNode metadataOf(String name) {
		JsonNode property = this.properties.get(name);
		int lastDot = name.lastIndexOf('.');
		if (property != null || lastDot < 0) {
			return property;
		}
		JsonNode map = this.properties.get(name.substring(0, lastDot));
		return (map != null && map.path("type").asString().startsWith("java.util.Map<")) ? map : null;
	}

	/** The property names of a properties class's fields, nested classes' fields under their field's name. */
	private static List<String> propertyNames(String prefix, Class<?> type) {
		List<String> names = new ArrayList<>();
		for (Field field : type.getDeclaredFields()) {
			if (Modifier.isStatic(field.getModifiers())) {
				continue;
			}
			String name = prefix + "." + kebabCase(field.getName());
			if (field.getType().getDeclaringClass() == LambdaRuntimeProperties.class) {
				names.addAll(propertyNames(name, field.getType()));
			}
			else {
				names.add(name);
			}
		}
		return names;
	}

	private static String kebabCase(String camelCase) {
		return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
	}

}

package dev.lambdaruntime.localrun;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.ResolvableType;
import org.springframework.messaging.Message;

import static org.assertj.core.api.Assertions.assertThat;

class ExampleEventTests {

	private static final JsonMapper mapper = JsonMapper.shared();

	@Test
	void aStringFunctionGetsAJsonString() {
		assertThat(ExampleEvent.forType(ResolvableType.forClass(String.class), mapper)).isEqualTo("\"hello\"");
	}

	@Test
	void aRecordGetsEachComponentFilled() {
		assertThat(ExampleEvent.forType(ResolvableType.forClass(Order.class), mapper))
			.isEqualTo("{\"id\":\"hello\",\"quantity\":1,\"gift\":true,\"lines\":[{\"sku\":\"hello\"}]}");
	}

	@Test
	void aMessageGetsAnExampleOfItsPayload() {
		assertThat(ExampleEvent.forType(ResolvableType.forClassWithGenerics(Message.class, Line.class), mapper))
			.isEqualTo("{\"sku\":\"hello\"}");
	}

	@Test
	void theApplicationsNamingSettingsApply() {
		JsonMapper snakeCase = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
		assertThat(ExampleEvent.forType(ResolvableType.forClass(FullName.class), snakeCase))
			.isEqualTo("{\"first_name\":\"hello\"}");
	}

	@Test
	void anythingElseGetsAnEmptyObject() {
		assertThat(ExampleEvent.forType(ResolvableType.forClassWithGenerics(Map.class, String.class, Object.class),
				mapper))
			.isEqualTo("{}");
		assertThat(ExampleEvent.forType(ResolvableType.forClass(Object.class), mapper)).isEqualTo("{}");
	}

	@Test
	void aRecordThatRejectsTheExampleValuesGetsAnEmptyObject() {
		assertThat(ExampleEvent.forType(ResolvableType.forClass(Positive.class), mapper)).isEqualTo("{}");
	}

	record Order(String id, int quantity, boolean gift, List<Line> lines) {
	}

	record Line(String sku) {
	}

	record FullName(String firstName) {
	}

	record Positive(int value) {

		Positive {
			if (value < 2) {
				throw new IllegalArgumentException("too small");
			}
		}

	}

}

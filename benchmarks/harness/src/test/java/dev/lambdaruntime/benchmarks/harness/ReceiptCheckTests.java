package dev.lambdaruntime.benchmarks.harness;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReceiptCheckTests {

	private final ReceiptCheck check = new ReceiptCheck("order-42", 750, "abc".getBytes(StandardCharsets.US_ASCII));

	@Test
	void acceptsTheReceiptInAnyFieldOrderAndSpacing() {
		assertThat(this.check.problem(json("{\"id\":\"order-42\",\"total\":750,\"note\":\"abc\"}"))).isNull();
		assertThat(this.check.problem(json(" { \"note\" : \"abc\" ,\n \"total\": 750, \"id\":\"order-42\" } "))).isNull();
	}

	@Test
	void rejectsAWrongValueAMissingFieldOrAnError() {
		assertThat(this.check.problem(json("{\"id\":\"order-42\",\"total\":750,\"note\":\"abd\"}"))).contains("note");
		assertThat(this.check.problem(json("{\"id\":\"order-42\",\"total\":75,\"note\":\"abc\"}"))).contains("total");
		assertThat(this.check.problem(json("{\"id\":\"order-42\",\"note\":\"abc\"}"))).contains("missing");
		assertThat(this.check.problem(json("{\"errorMessage\":\"boom\"}"))).contains("errorMessage");
		assertThat(this.check.problem(json("null"))).startsWith("not a receipt");
	}

	@Test
	void anOrderEventHasTheExactSizeAndItsReceiptPasses() {
		OrderEvent event = OrderEvent.ofSize(100);
		assertThat(event.json()).hasSize(100);
		String json = new String(event.json(), StandardCharsets.US_ASCII);
		String note = json.substring(json.indexOf("\"note\":\"") + 8, json.length() - 2);
		assertThat(event.check().problem(json("{\"id\":\"order-42\",\"total\":750,\"note\":\"" + note + "\"}"))).isNull();
	}

	private static byte[] json(String json) {
		return json.getBytes(StandardCharsets.UTF_8);
	}

}

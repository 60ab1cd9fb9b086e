package dev.lambdaruntime.observation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link XRayTraceHeader}.
 */
class XRayTraceHeaderTests {

	@Test
	void sampledXRayHeaderBecomesASampledTraceparent() {
		assertThat(XRayTraceHeader
			.toTraceparent("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1"))
			.isEqualTo("00-5759e988bd862e3fe1be46a994272793-53995c3f42cd8ad8-01");
	}

	@Test
	void unsampledOrUndecidedHeaderBecomesAnUnsampledTraceparent() {
		assertThat(XRayTraceHeader.toTraceparent("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8"))
			.endsWith("-00");
		assertThat(XRayTraceHeader
			.toTraceparent("Parent=53995c3f42cd8ad8;Sampled=0;Root=1-5759e988-bd862e3fe1be46a994272793;Lineage=a:1"))
			.isEqualTo("00-5759e988bd862e3fe1be46a994272793-53995c3f42cd8ad8-00");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "Root=1-abc", "Root=1-5759e988-bd862e3fe1be46a994272793",
			"Root=2-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8",
			"Root=1-5759e988-bd862e3fe1be46a99427279z;Parent=53995c3f42cd8ad8",
			"Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f", "garbage;;==" })
	void malformedHeaderGivesNoTraceparent(String header) {
		assertThat(XRayTraceHeader.toTraceparent(header)).isNull();
	}

}

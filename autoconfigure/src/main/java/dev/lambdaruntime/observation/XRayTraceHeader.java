package dev.lambdaruntime.observation;

import dev.lambdaruntime.runtime.Invocation;
import io.micrometer.observation.transport.Propagator;
import org.jspecify.annotations.Nullable;

/**
 * Reads an invocation's X-Ray trace header for Micrometer Tracing: as is under
 * {@code X-Amzn-Trace-Id}, and translated to a W3C {@code traceparent} (the propagation Spring
 * Boot uses by default), so that the Lambda trace becomes the parent of the invocation's span.
 */
final class XRayTraceHeader implements Propagator.Getter<Invocation> {

	static final String XRAY_HEADER = "X-Amzn-Trace-Id";

	static final String TRACEPARENT = "traceparent";

	@Override
	public @Nullable String get(Invocation invocation, String key) {
		String header = invocation.traceId();
		if (header == null) {
			return null;
		}
		if (XRAY_HEADER.equalsIgnoreCase(key)) {
			return header;
		}
		return TRACEPARENT.equalsIgnoreCase(key) ? toTraceparent(header) : null;
	}

	/**
	 * {@code Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1} becomes
	 * {@code 00-5759e988bd862e3fe1be46a994272793-53995c3f42cd8ad8-01}; anything else, nothing.
	 */
	static @Nullable String toTraceparent(String header) {
		String root = null;
		String parent = null;
		String sampled = "0";
		for (String part : header.split(";")) {
			int equals = part.indexOf('=');
			if (equals < 0) {
				continue;
			}
			String key = part.substring(0, equals).trim();
			String value = part.substring(equals + 1).trim();
			switch (key) {
				case "Root" -> root = value;
				case "Parent" -> parent = value;
				case "Sampled" -> sampled = value;
				default -> {
				}
			}
		}
		if (root == null || parent == null || !root.startsWith("1-") || root.length() != 35 || root.charAt(10) != '-'
				|| !isHex(parent, 16)) {
			return null;
		}
		String traceId = root.substring(2, 10) + root.substring(11);
		return isHex(traceId, 32) ? "00-" + traceId + "-" + parent + "-" + ("1".equals(sampled) ? "01" : "00") : null;
	}

	private static boolean isHex(String value, int length) {
		if (value.length() != length) {
			return false;
		}
		for (int i = 0; i < length; i++) {
			if (Character.digit(value.charAt(i), 16) < 0) {
				return false;
			}
		}
		return true;
	}

}

package dev.lambdaruntime.emulator;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An initialization failure a runtime reported through {@code POST /runtime/init/error}.
 *
 * @param errorType the {@code Lambda-Runtime-Function-Error-Type} header, if sent
 * @param payload the posted body (not copied)
 * @param headers the request headers, with lower-case names (looked up case-insensitively)
 * @since 0.1.0
 */
public record InitError(@Nullable String errorType, byte[] payload, Map<String, String> headers) {

	/**
	 * Returns the payload decoded as UTF-8.
	 * @return the payload as a string
	 */
	public String payloadAsString() {
		return new String(this.payload, StandardCharsets.UTF_8);
	}

}

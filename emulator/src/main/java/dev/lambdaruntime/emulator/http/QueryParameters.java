package dev.lambdaruntime.emulator.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * Reads a parameter of a request's query string.
 */
public final class QueryParameters {

	private QueryParameters() {
	}

	/**
	 * Returns the first value of a parameter.
	 * @param rawQuery the raw query string, if any
	 * @param name the parameter's name
	 * @return its decoded value, or {@code null} if the query has no such parameter
	 */
	public static @Nullable String first(@Nullable String rawQuery, String name) {
		if (rawQuery != null) {
			String prefix = name + "=";
			for (String parameter : rawQuery.split("&")) {
				if (parameter.startsWith(prefix)) {
					return URLDecoder.decode(parameter.substring(prefix.length()), StandardCharsets.UTF_8);
				}
			}
		}
		return null;
	}

}

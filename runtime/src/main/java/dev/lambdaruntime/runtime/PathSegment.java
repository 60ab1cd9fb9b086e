package dev.lambdaruntime.runtime;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Encodes a value for use as one URL path segment, so that an odd request id can neither break
 * nor inject into a request line, nor be a dot segment ({@code .} or {@code ..}) that a server
 * resolves into another path (RFC 3986 section 5.2.4).
 */
final class PathSegment {

	private PathSegment() {
	}

	static String encode(String value) {
		if (value.equals(".") || value.equals("..")) {
			return value.replace(".", "%2E");
		}
		for (int i = 0; i < value.length(); i++) {
			if (!isUnreserved(value.charAt(i))) {
				return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
			}
		}
		return value;
	}

	private static boolean isUnreserved(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
				|| c == '_' || c == '~';
	}

}

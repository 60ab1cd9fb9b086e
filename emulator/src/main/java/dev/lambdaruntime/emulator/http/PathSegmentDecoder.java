package dev.lambdaruntime.emulator.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Decodes one percent-encoded segment of a request path.
 */
public final class PathSegmentDecoder {

	private PathSegmentDecoder() {
	}

	public static String decode(String rawSegment) {
		// URLDecoder decodes forms, where '+' means a space; in a path it is itself
		return URLDecoder.decode(rawSegment.replace("+", "%2B"), StandardCharsets.UTF_8);
	}

}

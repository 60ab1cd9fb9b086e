package dev.lambdaruntime.runtime;

import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * A streamed HTTP response for a Lambda Function URL or another HTTP integration: status,
 * headers and cookies go first, as a JSON prelude followed by eight NUL bytes, then the body as
 * the writer produces it.
 *
 * @param statusCode the HTTP status
 * @param headers the response headers
 * @param cookies the {@code Set-Cookie} values
 * @param body what writes the body
 * @since 0.1.0
 */
public record HttpIntegrationResponse(int statusCode, Map<String, String> headers, List<String> cookies,
		InvocationResponse.BodyWriter body) {

	private static final byte[] SEPARATOR = new byte[8];

	/** The streamed invocation response that carries this HTTP response. */
	public InvocationResponse toInvocationResponse() {
		return InvocationResponse.streamed(RuntimeApiProtocol.HTTP_INTEGRATION_RESPONSE, this::writeTo);
	}

	private void writeTo(OutputStream out) throws Exception {
		Map<String, Object> prelude = new LinkedHashMap<>();
		prelude.put("statusCode", this.statusCode);
		prelude.put("headers", this.headers);
		prelude.put("cookies", this.cookies);
		out.write(JsonMapper.shared().writeValueAsBytes(prelude));
		out.write(SEPARATOR);
		out.flush();
		this.body.writeTo(out);
	}

}

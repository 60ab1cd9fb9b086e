package dev.lambdaruntime.emulator.launcher;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;

import dev.lambdaruntime.emulator.RuntimeClient;
import dev.lambdaruntime.runtime.RuntimeApiProtocol;
import tools.jackson.databind.json.JsonMapper;

/**
 * A runtime, run by the launcher tests in a JVM of its own, that answers every event with its
 * process id, the Lambda variables of its environment and the event's deadline.
 */
final class EnvironmentEchoRuntime {

	private EnvironmentEchoRuntime() {
	}

	public static void main(String[] args) throws Exception {
		RuntimeClient runtime = new RuntimeClient(System.getenv("AWS_LAMBDA_RUNTIME_API"), "");
		Map<String, String> seen = new TreeMap<>();
		System.getenv().forEach((name, value) -> {
			if (name.startsWith("AWS_") || name.startsWith("LAMBDA_") || name.equals("_HANDLER") || name.equals("TZ")) {
				seen.put(name, value);
			}
		});
		seen.put("pid", Long.toString(ProcessHandle.current().pid()));
		while (true) {
			HttpResponse<byte[]> next = runtime.next().get();
			seen.put("deadline", next.headers().firstValue(RuntimeApiProtocol.DEADLINE_MS).orElseThrow());
			runtime.respond(RuntimeClient.requestId(next), JsonMapper.shared().writeValueAsString(seen));
		}
	}

}

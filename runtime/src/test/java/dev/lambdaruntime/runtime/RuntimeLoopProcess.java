package dev.lambdaruntime.runtime;

/**
 * Runs the loop in a JVM of its own, with an echoing function, for tests that need what only a
 * separate JVM gives, such as a small heap. Exits with the loop's status.
 */
final class RuntimeLoopProcess {

	private RuntimeLoopProcess() {
	}

	public static void main(String[] args) {
		RuntimeLoop loop = new RuntimeLoop(RuntimeApiClient.forAddress(args[0]),
				(invocation, context) -> InvocationResponse.of(invocation.payload()),
				new LambdaEnvironment("process", "1", 128, null, null), InvocationMode.SINGLE);
		System.exit(loop.run());
	}

}

package dev.lambdaruntime.emulator.runtimeapi;

/**
 * The operations of the Runtime API, and {@link #NOT_FOUND} for any other request, as a request's
 * method and path call them: what an injected fault is aimed at.
 */
public enum RuntimeApiOperation {

	/** {@code GET /runtime/invocation/next}. */
	NEXT,

	/** {@code POST /runtime/invocation/{requestId}/response}. */
	RESPONSE,

	/** {@code POST /runtime/invocation/{requestId}/error}. */
	ERROR,

	/** {@code POST /runtime/init/error}. */
	INIT_ERROR,

	/** Any other method or path. */
	NOT_FOUND

}

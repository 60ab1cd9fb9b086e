package dev.lambdaruntime.benchmarks.api;

/**
 * One invocation as the Runtime API hands it out.
 *
 * @param requestId the request id
 * @param traceId the X-Ray trace header
 * @param event the event's bytes
 * @since 0.1.0
 */
public record PendingInvocation(String requestId, String traceId, byte[] event) {
}

package dev.lambdaruntime.autoconfigure;

/**
 * Ends the process when the Runtime API loop cannot go on (the Runtime API failed or the JVM ran
 * out of memory). The default exits the JVM with the status, which closes the application
 * context through its shutdown hook; tests and embedders may supply their own bean.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface LambdaRuntimeExit {

	/** Ends the process with a non-zero status. */
	void exit(int status);

}

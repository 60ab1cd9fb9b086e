/**
 * A local emulator of AWS Lambda for testing and running functions without Docker:
 * {@link dev.lambdaruntime.emulator.LambdaEmulator} serves the Runtime API to a runtime and the
 * Invoke API to callers (curl, the AWS CLI and SDKs) on one port of {@code 127.0.0.1}, in-process,
 * and takes invocations as {@link dev.lambdaruntime.emulator.InvocationRequest}s from Java;
 * {@link dev.lambdaruntime.emulator.launcher.LambdaEmulatorLauncher} runs a runtime's command
 * beside it, as {@code lambda-runtime-emulator-VERSION-exec.jar} does.
 */
@NullMarked
package dev.lambdaruntime.emulator;

import org.jspecify.annotations.NullMarked;

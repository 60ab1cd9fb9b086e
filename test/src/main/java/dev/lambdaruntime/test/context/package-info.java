/**
 * Spring test support: {@link dev.lambdaruntime.test.context.AutoConfigureLambdaEmulator} starts a
 * Lambda Runtime API emulator for a Spring Boot test's application context, and
 * {@link dev.lambdaruntime.test.context.LambdaTestClient} invokes the function through it.
 */
@NullMarked
package dev.lambdaruntime.test.context;

import org.jspecify.annotations.NullMarked;

/**
 * The Lambda Runtime API a runtime polls: routing of {@code /2018-06-01} requests to the
 * {@code next}, response, error and init error endpoints, their requests and answers, and
 * streamed responses passed on as they arrive.
 */
@NullMarked
package dev.lambdaruntime.emulator.runtimeapi;

import org.jspecify.annotations.NullMarked;

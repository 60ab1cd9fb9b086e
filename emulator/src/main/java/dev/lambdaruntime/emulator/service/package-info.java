/**
 * The emulator as a local Lambda service: the part of the Lambda API that deploy tools and SDKs
 * use (create, update, read, list, publish, delete and invoke functions by name), each function
 * unzipped into a folder of its own and run by its own emulator and runtime process.
 */
@NullMarked
package dev.lambdaruntime.emulator.service;

import org.jspecify.annotations.NullMarked;

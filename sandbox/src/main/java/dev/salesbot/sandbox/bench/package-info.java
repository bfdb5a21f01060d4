/**
 * A trivial endpoint the benchmarks measure the product's endpoints against, at
 * {@code POST /sandbox/_bench/ok}: in the sandbox WAR, so it never reaches production, and behind
 * the same {@code SANDBOX_ENABLED} gate as everything in it.
 */
package dev.salesbot.sandbox.bench;

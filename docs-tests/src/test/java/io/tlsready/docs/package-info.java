/**
 * The documentation's promise that its commands work when pasted: the ```sh blocks of README.md,
 * examples/README.md and docs/*.md are extracted ({@code ShellBlocks}), turned into one bash script per document
 * ({@code BlockScript}: state carries over, {@code # exit N} comments are checked) and run from the repository root
 * against this build's packaged apps ({@code DocumentRun}, {@code DocumentBlocksIT}), leaving no file and no process
 * behind ({@code Leftovers}). Test code only; the last module of the reactor.
 */
package io.tlsready.docs;

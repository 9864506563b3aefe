/**
 * This machine's live registry and WMI: the {@code LocalMachine} port (reads) and the {@code LocalEditor} port
 * (writes, for fix and rollback), both bound by {@code LocalRegistryModule}. The only room that may use JNA, kept
 * behind {@code RegistryAccess}, {@code RegistryEdits} and {@code WmiAccess} so that the rest is tested on any OS.
 */
package io.tlsready.adapters.windows.live;

/**
 * The {@code RemoteEditors} port over WinRM: one host's registry read and written value by value through WMI
 * {@code StdRegProv} (EnumKey, EnumValues, typed Get…Value, CreateKey, Set…Value, DeleteValue, DeleteKey) on the
 * {@code wsman} room's client and the {@code transport} room's channels, with the audit's security defaults and
 * deadlines. StdRegProv return codes and transport failures become {@code RegistryEditException}s naming the key.
 * Reached through {@code WinRmEditing}, which the public {@code WinRmModule} binds.
 */
package io.tlsready.adapters.winrm.edit;

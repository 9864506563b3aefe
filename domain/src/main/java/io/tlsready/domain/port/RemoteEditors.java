package io.tlsready.domain.port;

/**
 * Outgoing port: a remote Windows host's registry for writing, over WinRM (WMI StdRegProv: CreateKey, Set*Value,
 * DeleteValue, DeleteKey), with the same transport and authentication rules as the audit.
 */
public interface RemoteEditors {

    /** An editor for one host; nothing is sent until the first call. */
    RegistryEditor open(RemoteTarget target);
}

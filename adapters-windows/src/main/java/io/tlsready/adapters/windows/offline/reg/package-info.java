/**
 * The .reg reader: a registry script read the way regedit imports it (Wine's regedit as the executable spec), and
 * the registry facts a set of such files vouches for. JDK and the domain only.
 */
package io.tlsready.adapters.windows.offline.reg;

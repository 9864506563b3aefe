/**
 * Text evidence of installed updates and OS identity: {@code systeminfo} in any display language (list or CSV),
 * {@code wmic qfe} and {@code Get-HotFix} in their table, list and CSV forms, and wesng update lists, in whatever
 * encoding a console wrote them. JDK and the domain only.
 */
package io.tlsready.adapters.windows.offline.kbtext;

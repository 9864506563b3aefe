package io.tlsready.adapters.windows.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Stage;
import io.tlsready.domain.port.EvidenceException;
import io.tlsready.domain.port.LocalEditor;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

@DisabledOnOs(OS.WINDOWS)
class LocalEditorAdapterTest {

    @Test
    void elsewhere_than_windows_open_refuses_and_says_what_to_do_instead() {
        assertThatThrownBy(() -> new LocalEditorAdapter("Linux", "6.1.0-13-amd64", "amd64").open())
                .isExactlyInstanceOf(EvidenceException.class)
                .hasMessage("this machine: writing the local registry needs Windows (this is Linux 6.1.0-13-amd64 "
                        + "amd64); fix the host over WinRM instead, or print the plan as a .reg or .ps1 file");
    }

    @Test
    void the_guice_binding_gives_the_same_clear_error() {
        LocalEditor editor = Guice.createInjector(Stage.PRODUCTION, binder -> binder.requireExplicitBindings(),
                new LocalRegistryModule()).getInstance(LocalEditor.class);
        assertThatThrownBy(editor::open)
                .isExactlyInstanceOf(EvidenceException.class)
                .hasMessageStartingWith("this machine: writing the local registry needs Windows (this is "
                        + System.getProperty("os.name"));
    }

    /** As for the audit: open() off Windows must not load one com.sun.jna class, so no native library is touched. */
    @Test
    void open_loads_no_jna_class_at_all() throws Exception {
        URL[] urls = {
            location(LocalEditorAdapter.class), location(EvidenceException.class),
            location(Class.forName("com.sun.jna.Native", false, getClass().getClassLoader())),
            location(Class.forName("com.sun.jna.platform.win32.Advapi32", false, getClass().getClassLoader())),
        };
        try (LocalMachineAdapterTest.RecordingLoader loader = new LocalMachineAdapterTest.RecordingLoader(urls)) {
            Class<?> adapter = Class.forName(LocalEditorAdapter.class.getName(), true, loader);
            Constructor<?> constructor = adapter.getDeclaredConstructor();
            constructor.setAccessible(true);
            Object editor = constructor.newInstance();
            Method open = adapter.getMethod("open");
            open.setAccessible(true);
            assertThatThrownBy(() -> invoke(open, editor))
                    .satisfies(e -> assertThat(e.getClass().getName()).isEqualTo(EvidenceException.class.getName()))
                    .hasMessageContaining("writing the local registry needs Windows");
            assertThat(loader.defined).contains(LocalEditorAdapter.class.getName());
            assertThat(loader.defined).noneMatch(name -> name.startsWith("com.sun.jna."));
        }
    }

    private static URL location(Class<?> c) {
        return c.getProtectionDomain().getCodeSource().getLocation();
    }

    private static Object invoke(Method m, Object target) throws Throwable {
        try {
            return m.invoke(target);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}

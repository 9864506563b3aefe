package io.tlsready.adapters.windows.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Stage;
import io.tlsready.domain.port.EvidenceException;
import io.tlsready.domain.port.Hint;
import io.tlsready.domain.port.LocalMachine;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

@DisabledOnOs(OS.WINDOWS)
class LocalMachineAdapterTest {

    @Test
    void elsewhere_than_windows_the_error_says_what_to_do_instead() {
        assertThatThrownBy(() -> new LocalMachineAdapter("Linux", "6.1.0-13-amd64", "amd64").open())
                .isExactlyInstanceOf(EvidenceException.class)
                .hasMessage("this machine: live registry audit needs Windows (this is Linux 6.1.0-13-amd64 amd64); "
                        + "audit evidence exported from the host, or the host itself over WinRM")
                .satisfies(e -> assertThat(((EvidenceException) e).hinted().hints())
                        .containsExactly(new Hint.UseOfflineEvidence()));
    }

    @Test
    void the_guice_binding_gives_the_same_clear_error() {
        LocalMachine machine = Guice.createInjector(Stage.PRODUCTION, binder -> binder.requireExplicitBindings(),
                new LocalRegistryModule()).getInstance(LocalMachine.class);
        assertThatThrownBy(machine::open)
                .isExactlyInstanceOf(EvidenceException.class)
                .hasMessageStartingWith("this machine: live registry audit needs Windows (this is "
                        + System.getProperty("os.name"));
    }

    /** Records every class it defines itself, i.e. every class of the project and of JNA that gets loaded. */
    static final class RecordingLoader extends URLClassLoader {
        final Set<String> defined = ConcurrentHashMap.newKeySet();

        RecordingLoader(URL[] urls) {
            super(urls, ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            Class<?> c = super.findClass(name);
            defined.add(name);
            return c;
        }
    }

    /**
     * Runs {@code new LocalMachineAdapter().open()} in a fresh class loader that can see JNA and jna-platform,
     * then checks that not one com.sun.jna class was even loaded, so no native library can have been touched.
     */
    @Test
    void open_loads_no_jna_class_at_all() throws Exception {
        URL[] urls = {
            location(LocalMachineAdapter.class), location(EvidenceException.class),
            location(Class.forName("com.sun.jna.Native", false, getClass().getClassLoader())),
            location(Class.forName("com.sun.jna.platform.win32.Advapi32", false, getClass().getClassLoader())),
        };
        try (RecordingLoader loader = new RecordingLoader(urls)) {
            Class<?> adapter = Class.forName(LocalMachineAdapter.class.getName(), true, loader);
            Constructor<?> constructor = adapter.getDeclaredConstructor();
            constructor.setAccessible(true);
            Object machine = constructor.newInstance();
            Method open = adapter.getMethod("open");
            open.setAccessible(true); // the class is package-private in a loader of its own
            assertThatThrownBy(() -> invoke(open, machine))
                    .satisfies(e -> assertThat(e.getClass().getName()).isEqualTo(EvidenceException.class.getName()))
                    .hasMessageContaining("live registry audit needs Windows");

            assertThat(loader.defined).as("the recording works")
                    .contains(LocalMachineAdapter.class.getName(), EvidenceException.class.getName());
            assertThat(loader.defined).as("classes loaded by open() off Windows")
                    .noneMatch(name -> name.startsWith("com.sun.jna."));
            // and JNA was reachable, so its absence above is not an accident of the class path
            assertThat(Class.forName("com.sun.jna.platform.win32.Advapi32", false, loader)).isNotNull();
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

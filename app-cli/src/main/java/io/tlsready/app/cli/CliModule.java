package io.tlsready.app.cli;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.name.Named;
import com.google.inject.name.Names;
import io.tlsready.domain.audit.AuditService;
import io.tlsready.domain.rules.book.RuleBook;
import java.io.PrintWriter;

/**
 * Wiring of the CLI itself. The injector is strict: every type is bound here or in an adapter's module,
 * nothing is created by accident. Commands are bound explicitly so picocli gets them from Guice.
 */
final class CliModule extends AbstractModule {

    private final PrintWriter out;
    private final PrintWriter err;
    private final Environment env;

    CliModule(PrintWriter out, PrintWriter err, Environment env) {
        this.out = out;
        this.err = err;
        this.env = env;
    }

    @Override
    protected void configure() {
        binder().requireExplicitBindings();
        binder().requireAtInjectOnConstructors();
        binder().disableCircularProxies();
        bind(PrintWriter.class).annotatedWith(Names.named("out")).toInstance(out);
        bind(PrintWriter.class).annotatedWith(Names.named("err")).toInstance(err);
        bind(Environment.class).toInstance(env);
        bind(TlsReadyCommand.class);
        bind(AuditCommand.class);
        bind(CollectCommand.class);
        bind(PlanCommand.class);
        bind(FixCommand.class);
        bind(RollbackCommand.class);
        bind(FixTargets.class);
        bind(RulesCommand.class);
        bind(HiveCommand.class);
        bind(HiveCommand.Export.class);
        bind(HiveCommand.Get.class);
        bind(Targets.class);
    }

    @Provides
    @Singleton
    RuleBook ruleBook() {
        return RuleBook.standard();
    }

    @Provides
    @Singleton
    AuditService auditService(RuleBook ruleBook) {
        return new AuditService(ruleBook);
    }

    @Provides
    @Named("version")
    String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v != null ? v : "dev";
    }
}

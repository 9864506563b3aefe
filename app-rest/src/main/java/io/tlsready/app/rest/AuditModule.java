package io.tlsready.app.rest;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.tlsready.domain.audit.AuditService;
import io.tlsready.domain.rules.book.RuleBook;

/** The audit use case. The domain knows nothing of Guice, so its classes are built here, not annotated. */
final class AuditModule extends AbstractModule {

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
}

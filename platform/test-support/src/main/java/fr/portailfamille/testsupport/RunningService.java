package fr.portailfamille.testsupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.util.ClassUtils;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The base of a service's API tests (annotated {@link PortalServiceTest}): the running service on its
 * random port and the personas' tokens. A feature's support class extends it; a test that also
 * implements {@link StandardServiceChecks} gets the checks every service must pass.
 */
public abstract class RunningService {

    @LocalServerPort
    protected int port;

    @Value("${spring.application.name}")
    protected String applicationName;

    protected final TestKeycloak keycloak = PortalInfrastructure.keycloak();

    @Autowired
    private ApplicationContext context;

    /** The class annotated {@code @SpringBootApplication} of the service under test. */
    public Class<?> applicationClass() {
        return context.getBeansWithAnnotation(SpringBootApplication.class).values().stream()
                .map(bean -> ClassUtils.getUserClass(bean.getClass()))
                .findFirst().orElseThrow();
    }

    public ApiClient api() {
        return ApiClient.local(port);
    }

    public String applicationName() {
        return applicationName;
    }
}

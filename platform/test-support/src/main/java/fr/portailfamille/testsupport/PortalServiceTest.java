package fr.portailfamille.testsupport;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test of a whole service on real infrastructure: the application on a random port, its own
 * database on the shared PostgreSQL 17, the shared Kafka broker, the shared SMTP server, and tokens
 * from {@link TestKeycloak}; the profile {@code local}, as on a developer's machine (shipped secrets
 * accepted, OpenAPI document on: {@link StandardServiceChecks} checks the other side). Keep test classes on this annotation alone so the Spring context is
 * cached across them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = PortalTestInitializer.class)
@ActiveProfiles("local")
public @interface PortalServiceTest {
}

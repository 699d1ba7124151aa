package fr.portailfamille.platform.uploads;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.context.support.AbstractResourceBasedMessageSource;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.unit.DataSize;

import java.time.Clock;

/**
 * Uploads in any service that has this module on its classpath: {@link FileStore} and
 * {@link UploadCheck} as beans, {@link StoredFile} among the service's entities and its repository
 * among its repositories, the French texts of the refusals, and the stored-file tables when the
 * service asks for them ({@code portal.uploads.flyway-version}, see README).
 *
 * <p>The entity and repository are added to the auto-configuration packages rather than declared
 * with {@code @EntityScan}/{@code @EnableJpaRepositories}, which would replace Spring Boot's default
 * scanning of the application's own package and lose the service's entities. Hence this runs before
 * the JPA auto-configurations, which read those packages.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
        "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration"})
@Import(UploadsAutoConfiguration.UploadsPackage.class)
public class UploadsAutoConfiguration {

    /** The French texts of refusals: {@code upload.*} keys, after the service's own bundle (which may override them). */
    static final String MESSAGES = "portal-uploads-messages";

    /**
     * The limit is Spring's multipart limit, checked again by {@link UploadCheck} so that its 413 gives it;
     * the types are the service's {@code portal.uploads.allowed-types} (PDF, PNG, JPEG unless it says more).
     */
    @Bean
    UploadCheck uploadCheck(@Value("${spring.servlet.multipart.max-file-size:10MB}") String maxSize,
                            @Value("${portal.uploads.allowed-types:application/pdf,image/png,image/jpeg}")
                            String allowedTypes) {
        return new UploadCheck(DataSize.parse(maxSize.strip()), java.util.Arrays.stream(allowedTypes.split(","))
                .map(String::strip).filter(type -> !type.isEmpty()).toList());
    }

    @Bean
    FileStore fileStore(StoredFileRepository files, JdbcClient jdbc, Clock clock, UploadCheck check) {
        return new FileStore(files, jdbc, clock, check);
    }

    @Bean
    @ConditionalOnProperty("portal.uploads.flyway-version")
    StoredFileMigration storedFileMigration(@Value("${portal.uploads.flyway-version}") String version) {
        return new StoredFileMigration(version);
    }

    /** Adds this module's bundle to the service's message source (Spring Boot's, from {@code spring.messages.basename}). */
    @Bean
    static BeanPostProcessor uploadMessages() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof AbstractResourceBasedMessageSource messages
                        && AbstractApplicationContext.MESSAGE_SOURCE_BEAN_NAME.equals(beanName)
                        && !messages.getBasenameSet().contains(MESSAGES)) {
                    messages.addBasenames(MESSAGES);
                }
                return bean;
            }
        };
    }

    /** Registers this package for entity and repository scanning, beside the application's own. */
    static class UploadsPackage implements ImportBeanDefinitionRegistrar {

        @Override
        public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
            AutoConfigurationPackages.register(registry, UploadsAutoConfiguration.class.getPackageName());
        }
    }
}

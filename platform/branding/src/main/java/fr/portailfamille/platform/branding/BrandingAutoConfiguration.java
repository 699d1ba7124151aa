package fr.portailfamille.platform.branding;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** Makes {@link Branding} a bean of every process that has this module. */
@AutoConfiguration
@EnableConfigurationProperties(Branding.class)
public class BrandingAutoConfiguration {
}

package fr.portailfamille.billing.directdebit.file;

import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a pain.008 file against the schema of its version, with the JDK's {@code javax.xml.validation}.
 *
 * <p>The schemas are those of hbci4j-core 4.1.7 (Maven Central), unpacked into {@code sepa/xsd/} at build
 * time: {@code pain.008.001.02.xsd} is the German banks' (DK) SEPA edition of ISO's 2009 schema, same
 * namespace, restricted to the EPC rules (EUR only, 2 decimals, the SEPA character set in identifiers,
 * {@code NOTPROVIDED} / {@code SMNDA}); {@code pain.008.001.08.xsd} is ISO's own 2019 schema, wider
 * than the EPC rules, which this package applies itself (names of 70, amounts to the cent).
 *
 * <p>Each schema is compiled once per JVM ({@link Schema} is immutable and thread-safe); every call
 * takes its own {@link Validator}. External DTDs and schemas are refused: a file to check is never
 * allowed to fetch anything.
 */
public final class Pain008Validator {

    private static final Map<Pain008Version, Pain008Validator> VALIDATORS = load();

    private final Pain008Version version;
    private final Schema schema;

    private Pain008Validator(Pain008Version version, Schema schema) {
        this.version = version;
        this.schema = schema;
    }

    public static Pain008Validator forVersion(Pain008Version version) {
        return VALIDATORS.get(version);
    }

    /** Nothing when {@code xml} matches; {@link Pain008ValidationException} listing every error otherwise. */
    public void validate(byte[] xml) {
        List<Pain008ValidationException.XsdError> errors = errors(xml);
        if (!errors.isEmpty()) {
            throw new Pain008ValidationException(version, errors);
        }
    }

    /** Every schema error of {@code xml} (empty when it matches); a file that is not even XML has one. */
    public List<Pain008ValidationException.XsdError> errors(byte[] xml) {
        List<Pain008ValidationException.XsdError> errors = new ArrayList<>();
        try {
            Validator validator = schema.newValidator();
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                    // a warning is no reason to refuse a file
                }

                @Override
                public void error(SAXParseException e) {
                    errors.add(toError(e));
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXParseException {
                    throw e;
                }
            });
            validator.validate(new StreamSource(new ByteArrayInputStream(xml)));
        } catch (SAXParseException e) {
            errors.add(toError(e));
        } catch (SAXException e) {
            errors.add(new Pain008ValidationException.XsdError(-1, -1, e.getMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return errors;
    }

    private static Pain008ValidationException.XsdError toError(SAXParseException e) {
        return new Pain008ValidationException.XsdError(e.getLineNumber(), e.getColumnNumber(), e.getMessage());
    }

    private static Map<Pain008Version, Pain008Validator> load() {
        Map<Pain008Version, Pain008Validator> validators = new EnumMap<>(Pain008Version.class);
        for (Pain008Version version : Pain008Version.values()) {
            validators.put(version, new Pain008Validator(version, schema(version)));
        }
        return validators;
    }

    private static Schema schema(Pain008Version version) {
        URL xsd = Pain008Validator.class.getResource(version.xsdResource());
        if (xsd == null) {
            throw new IllegalStateException(version.xsdResource() + " is not on the classpath: it is unpacked from "
                    + "com.github.hbci4j:hbci4j-core at build time (maven-dependency-plugin, billing-service/pom.xml)");
        }
        try {
            SchemaFactory factory = SchemaFactory.newDefaultInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory.newSchema(xsd);
        } catch (SAXException e) {
            throw new IllegalStateException("Could not read the schema " + xsd, e);
        }
    }
}

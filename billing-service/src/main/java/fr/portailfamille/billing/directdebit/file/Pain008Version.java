package fr.portailfamille.billing.directdebit.file;

/**
 * The pain.008 version written. {@link #V02} is the default: the 2009 edition most French banks and the
 * DGFiP still take; {@link #V08} (2019 edition, EPC rulebook 2019 onwards) as a setting.
 *
 * <p>What changes between them in what we write: the agent's BIC is {@code BIC} in .02 and {@code BICFI}
 * in .08; .08's schema is ISO's own (wider types: names of 140, amounts of 5 decimals), so the EPC
 * limits are kept by this package, not by that XSD.
 */
public enum Pain008Version {

    V02("pain.008.001.02", "BIC"),
    V08("pain.008.001.08", "BICFI");

    private final String id;
    private final String bicElement;

    Pain008Version(String id, String bicElement) {
        this.id = id;
        this.bicElement = bicElement;
    }

    /** {@code pain.008.001.02}. */
    public String id() {
        return id;
    }

    /** {@code urn:iso:std:iso:20022:tech:xsd:pain.008.001.02}. */
    public String namespace() {
        return "urn:iso:std:iso:20022:tech:xsd:" + id;
    }

    /** The schema on the classpath, unpacked from hbci4j-core at build time (billing-service/pom.xml). */
    public String xsdResource() {
        return "/sepa/xsd/" + id + ".xsd";
    }

    String bicElement() {
        return bicElement;
    }
}

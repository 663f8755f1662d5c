package org.koban.csaf.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * {@code full_product_name_t/product_identification_helper}.
 *
 * <p>{@code extra} keeps properties the schema does not define, so that reading and writing loses nothing
 * and the strict check can report them.
 */
public record ProductIdentificationHelper(
        @JsonProperty("cpe") String cpe,
        @JsonProperty("hashes") List<Hash> hashes,
        @JsonProperty("model_numbers") List<String> modelNumbers,
        @JsonProperty("purl") String purl,
        @JsonProperty("sbom_urls") List<String> sbomUrls,
        @JsonProperty("serial_numbers") List<String> serialNumbers,
        @JsonProperty("skus") List<String> skus,
        @JsonProperty("x_generic_uris") List<GenericUri> xGenericUris,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extra) {

    public ProductIdentificationHelper {
        hashes = Immutable.list(hashes);
        modelNumbers = Immutable.list(modelNumbers);
        sbomUrls = Immutable.list(sbomUrls);
        serialNumbers = Immutable.list(serialNumbers);
        skus = Immutable.list(skus);
        xGenericUris = Immutable.list(xGenericUris);
        extra = Immutable.extra(extra);
    }
}

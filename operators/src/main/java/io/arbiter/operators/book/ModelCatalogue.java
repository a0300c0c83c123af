package io.arbiter.operators.book;

import io.arbiter.operators.governance.Registration;

import java.io.Serializable;
import java.util.List;

/**
 * Where a book learns which models exist: the models every new book starts with (the models
 * folder), and the registration a REGISTER_MODEL command's manifest names. The job implements it
 * over model manifests; the book's logic stays free of file formats.
 */
public interface ModelCatalogue extends Serializable {

    /** The models a book holds from its first event on, in a stable order. */
    List<Registration> initialModels();

    /**
     * The registration of the model whose manifest {@code manifestPath} names.
     *
     * @throws IllegalArgumentException when the manifest cannot be read
     */
    Registration resolve(String manifestPath, double priorAlpha, double priorBeta);
}

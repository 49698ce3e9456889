package io.paasta.model.wrong;

/** Deliberately wrong, for ArchitectureRulesTest: the model using a library. */
public class ModelWithJackson {
  com.fasterxml.jackson.databind.ObjectMapper mapper;
}

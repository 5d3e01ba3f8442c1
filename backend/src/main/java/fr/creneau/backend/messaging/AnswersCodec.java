package fr.creneau.backend.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.creneau.model.triage.TriageAnswers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/** Stores triage answers (and reason codes) as the same JSON the API speaks. */
@ApplicationScoped
public class AnswersCodec {
    @Inject
    ObjectMapper mapper;

    public String write(TriageAnswers answers) {
        return answers == null ? null : json(answers.toMap());
    }

    public TriageAnswers read(String json) {
        if (json == null) {
            return null;
        }
        try {
            return TriageAnswers.fromMap(mapper.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() { }));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored answers are not JSON", e);
        }
    }

    public String writeCodes(List<String> codes) {
        return codes == null ? null : json(codes);
    }

    public List<String> readCodes(String json) {
        if (json == null) {
            return new ArrayList<>();
        }
        try {
            return mapper.readValue(json, new TypeReference<ArrayList<String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored codes are not JSON", e);
        }
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
